import type { Person, UpdatePersonBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { personKeys } from './keys';

export function updatePerson({ base, body }: { base: Person; body: UpdatePersonBody }): Promise<Person> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Person>(`/api/people/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: personKeys.lists() });
    },
  });
}
