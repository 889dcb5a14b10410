import type { CreateAffiliationBody, Person } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function addAffiliation({
  personId,
  body,
}: {
  personId: string;
  body: CreateAffiliationBody;
}): Promise<Person> {
  return api.post<Person>(`/api/people/${encodeURIComponent(personId)}/affiliations`, body);
}

export function useAddAffiliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAffiliation,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      // Lists (and an organisation's people) show current affiliations.
      return queryClient.invalidateQueries({ queryKey: personKeys.lists() });
    },
  });
}
