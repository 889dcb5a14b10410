import type { PersonList, PersonListQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

export function getPeople(filters: PersonListQuery, signal?: AbortSignal): Promise<PersonList> {
  return api.get<PersonList>('/api/people', { query: { ...filters }, signal });
}

export function peopleQueryOptions(filters: PersonListQuery) {
  return queryOptions({
    queryKey: personKeys.list(filters),
    queryFn: ({ signal }) => getPeople(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePeople(filters: PersonListQuery, { enabled = true } = {}) {
  return useQuery({ ...peopleQueryOptions(filters), enabled });
}
