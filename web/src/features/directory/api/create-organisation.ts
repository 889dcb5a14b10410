import type { CreateOrganisationBody, Organisation } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function createOrganisation(body: CreateOrganisationBody): Promise<Organisation> {
  return api.post<Organisation>('/api/organisations', body);
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKeys.detail(organisation.id), organisation);
      // Lists and duplicate checks both change with a new name.
      return queryClient.invalidateQueries({ queryKey: organisationKeys.all, refetchType: 'active' });
    },
  });
}
