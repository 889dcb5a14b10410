import type { AccessLogList, AccessLogQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { auditKeys } from './keys';

/** Who read which sensitive records, when and why (administrators: GET /api/access-log). */
export function getAccessLog(query: AccessLogQuery, signal?: AbortSignal): Promise<AccessLogList> {
  return api.get<AccessLogList>('/api/access-log', { query: { ...query }, signal });
}

export function accessLogQueryOptions(query: AccessLogQuery) {
  return queryOptions({
    queryKey: auditKeys.accessLog(query),
    queryFn: ({ signal }) => getAccessLog(query, signal),
    placeholderData: keepPreviousData,
    // Every read adds to it: the latest each time it is shown.
    staleTime: 0,
  });
}

export function useAccessLog(query: AccessLogQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...accessLogQueryOptions(query), enabled });
}
