import type { GroupList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getGroups(cycleId: string, signal?: AbortSignal): Promise<GroupList> {
  return api.get<GroupList>('/api/intervision/groups', { query: { cycleId }, signal });
}

export function groupsQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: intervisionKeys.groups(cycleId),
    queryFn: ({ signal }) => getGroups(cycleId, signal),
  });
}

export function useGroups(cycleId: string) {
  return useQuery(groupsQueryOptions(cycleId));
}
