import type { SupportRequestList, SupportRequestQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supportRequestKeys } from './keys';

export function getRequests(filters: SupportRequestQuery, signal?: AbortSignal): Promise<SupportRequestList> {
  return api.get<SupportRequestList>('/api/support/requests', { query: { ...filters }, signal });
}

export function requestsQueryOptions(filters: SupportRequestQuery) {
  return queryOptions({
    queryKey: supportRequestKeys.list(filters),
    queryFn: ({ signal }) => getRequests(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRequests(filters: SupportRequestQuery) {
  return useQuery(requestsQueryOptions(filters));
}
