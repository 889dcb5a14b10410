import type { ReferenceItem, ReferenceKind, UpdateReferenceItemBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { organisationKeys } from '@/features/directory';
import { api } from '@/lib/api-client';
import { referenceKeys } from './keys';

export function updateReferenceItem({
  kind,
  id,
  body,
}: {
  kind: ReferenceKind;
  id: string;
  body: UpdateReferenceItemBody;
}): Promise<ReferenceItem> {
  return api.patch<ReferenceItem>(`/api/reference/${kind}/${encodeURIComponent(id)}`, body);
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
