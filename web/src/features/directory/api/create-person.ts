import type { CreatePersonBody, Person } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function createPerson(body: CreatePersonBody): Promise<Person> {
  return api.post<Person>('/api/people', body);
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: personKeys.all, refetchType: 'active' });
    },
  });
}
