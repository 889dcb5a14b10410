import type { SupportPersonList, SupportPersonQuery } from '@smes/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supportRequestKeys } from './keys';

/** Persons concerned found again by code or initials (`GET /api/support/persons?q=`). */
export function findPersons(query: SupportPersonQuery, signal?: AbortSignal): Promise<SupportPersonList> {
  return api.get<SupportPersonList>('/api/support/persons', { query: { ...query }, signal });
}

export function useFindPersons(query: SupportPersonQuery, { enabled = true } = {}) {
  return useQuery({
    queryKey: supportRequestKeys.persons(query),
    queryFn: ({ signal }) => findPersons(query, signal),
    enabled,
  });
}
