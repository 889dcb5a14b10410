import type { DuesList, DuesListQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { duesKeys } from './keys';

export function getDues(filters: DuesListQuery, signal?: AbortSignal): Promise<DuesList> {
  return api.get<DuesList>('/api/dues', { query: { ...filters }, signal });
}

export function duesQueryOptions(filters: DuesListQuery) {
  return queryOptions({
    queryKey: duesKeys.list(filters),
    queryFn: ({ signal }) => getDues(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDues(filters: DuesListQuery) {
  return useQuery(duesQueryOptions(filters));
}
