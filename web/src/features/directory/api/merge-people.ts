import type { MergeResult } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

/** Merges `duplicateId` into `keepId`, which stays with both histories. */
export function mergePeople({
  keepId,
  duplicateId,
}: {
  keepId: string;
  duplicateId: string;
}): Promise<MergeResult> {
  return api.post<MergeResult>(`/api/people/${encodeURIComponent(keepId)}/merge`, { duplicateId });
}

export function useMergePeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergePeople,
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: personKeys.detail(result.mergedId) });
      return queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}
