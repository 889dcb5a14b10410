import type { Organisation, UpdateOrganisationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { organisationKeys, personKeys } from './keys';

export function updateOrganisation({
  base,
  body,
}: {
  base: Organisation;
  body: UpdateOrganisationBody;
}): Promise<Organisation> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Organisation>(`/api/organisations/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
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
