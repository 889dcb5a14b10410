import type { MergeResult } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys, personKeys } from './keys';

/** Merges `duplicateId` into `keepId`, which stays; the duplicate leaves the directory. */
export function mergeOrganisations({
  keepId,
  duplicateId,
}: {
  keepId: string;
  duplicateId: string;
}): Promise<MergeResult> {
  return api.post<MergeResult>(`/api/organisations/${encodeURIComponent(keepId)}/merge`, { duplicateId });
}

export function useMergeOrganisations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeOrganisations,
    onSuccess: (result) => {
      queryClient.removeQueries({ queryKey: organisationKeys.detail(result.mergedId) });
      // The kept one gained fields, sectors and people; every list lost a row.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
        queryClient.invalidateQueries({ queryKey: personKeys.all }),
      ]);
    },
  });
}
