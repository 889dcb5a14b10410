import type { MemberList, MemberListQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { memberKeys } from './keys';

export function getMembers(filters: MemberListQuery, signal?: AbortSignal): Promise<MemberList> {
  return api.get<MemberList>('/api/members', { query: { ...filters }, signal });
}

export function membersQueryOptions(filters: MemberListQuery) {
  return queryOptions({
    queryKey: memberKeys.list(filters),
    queryFn: ({ signal }) => getMembers(filters, signal),
    // Keep the current list on screen while another day or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useMembers(filters: MemberListQuery) {
  return useQuery(membersQueryOptions(filters));
}
