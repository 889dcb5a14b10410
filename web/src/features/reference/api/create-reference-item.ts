import type { CreateReferenceItemBody, ReferenceItem, ReferenceKind } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { referenceKeys } from './keys';

export function createReferenceItem({
  kind,
  body,
}: {
  kind: ReferenceKind;
  body: CreateReferenceItemBody;
}): Promise<ReferenceItem> {
  return api.post<ReferenceItem>(`/api/reference/${kind}`, body);
}

export function useCreateReferenceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferenceItem,
    onSuccess: (item) => queryClient.invalidateQueries({ queryKey: referenceKeys.kind(item.kind) }),
  });
}
