import type { AuditList, AuditQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { auditKeys } from './keys';

export function getAuditEntries(filters: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return api.get<AuditList>('/api/audit', { query: { ...filters }, signal });
}

export function auditEntriesQueryOptions(filters: AuditQuery) {
  return queryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => getAuditEntries(filters, signal),
    placeholderData: keepPreviousData,
    // The trail grows with every action: show the latest each time the page opens.
    staleTime: 0,
  });
}

export function useAuditEntries(filters: AuditQuery) {
  return useQuery(auditEntriesQueryOptions(filters));
}
