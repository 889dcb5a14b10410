import type { ReferenceItem, ReferenceKind, UpdateReferenceItemBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { organisationKeys } from '@/features/directory';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { referenceKeys } from './keys';

export function updateReferenceItem({
  kind,
  base,
  body,
}: {
  kind: ReferenceKind;
  base: ReferenceItem;
  body: UpdateReferenceItemBody;
}): Promise<ReferenceItem> {
  return sendVersioned(base, body, (version) =>
    api.patch<ReferenceItem>(`/api/reference/${kind}/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
}

/** Records show labels through their own refs: a rename must refresh them too. */
export function useUpdateReferenceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReferenceItem,
    onSuccess: (item) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referenceKeys.kind(item.kind) }),
        queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
      ]),
  });
}
