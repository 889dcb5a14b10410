import type { Person, UpdateAffiliationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function updateAffiliation({
  personId,
  affiliationId,
  body,
}: {
  personId: string;
  affiliationId: string;
  body: UpdateAffiliationBody;
}): Promise<Person> {
  return api.patch<Person>(
    `/api/people/${encodeURIComponent(personId)}/affiliations/${encodeURIComponent(affiliationId)}`,
    body,
  );
}

/** Ending an affiliation is an update (an end date): it stays in the person's history. */
export function useUpdateAffiliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAffiliation,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: personKeys.lists() });
    },
  });
}
