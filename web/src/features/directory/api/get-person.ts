import type { Person } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function getPerson(id: string, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/api/people/${encodeURIComponent(id)}`, { signal });
}

export function personQueryOptions(id: string) {
  return queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => getPerson(id, signal),
  });
}

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
