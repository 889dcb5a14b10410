import type { Person, UpdatePersonBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function updatePerson({ id, body }: { id: string; body: UpdatePersonBody }): Promise<Person> {
  return api.patch<Person>(`/api/people/${encodeURIComponent(id)}`, body);
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
