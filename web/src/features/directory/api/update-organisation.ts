import type { Organisation, UpdateOrganisationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys, personKeys } from './keys';

export function updateOrganisation({
  id,
  body,
}: {
  id: string;
  body: UpdateOrganisationBody;
}): Promise<Organisation> {
  return api.patch<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, body);
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganisation,
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKeys.detail(organisation.id), organisation);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.lists() }),
        // People show their organisations' names.
        queryClient.invalidateQueries({ queryKey: personKeys.all }),
      ]);
    },
  });
}
