import type { SupervisionList, SupervisionQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export function getSupervisions(query: SupervisionQuery, signal?: AbortSignal): Promise<SupervisionList> {
  return api.get<SupervisionList>('/api/support/supervisions', { query: { ...query }, signal });
}

export function supervisionsQueryOptions(query: SupervisionQuery) {
  return queryOptions({
    queryKey: supervisionKeys.list(query),
    queryFn: ({ signal }) => getSupervisions(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisions(query: SupervisionQuery) {
  return useQuery(supervisionsQueryOptions(query));
}
