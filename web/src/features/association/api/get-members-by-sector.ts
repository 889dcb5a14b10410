import type { MembersBySector } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { memberKeys } from './keys';

export function getMembersBySector(on: string, signal?: AbortSignal): Promise<MembersBySector> {
  return api.get<MembersBySector>('/api/members/by-sector', { query: { on }, signal });
}

export function membersBySectorQueryOptions(on: string) {
  return queryOptions({
    queryKey: memberKeys.bySector(on),
    queryFn: ({ signal }) => getMembersBySector(on, signal),
  });
}

export function useMembersBySector(on: string) {
  return useQuery(membersBySectorQueryOptions(on));
}
