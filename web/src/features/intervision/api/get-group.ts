import type { GroupDetail } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** The group with its sessions, registrations and the organisations that have not hosted yet. */
export function getGroup(id: string, signal?: AbortSignal): Promise<GroupDetail> {
  return api.get<GroupDetail>(`/api/intervision/groups/${encodeURIComponent(id)}`, { signal });
}

export function groupQueryOptions(id: string) {
  return queryOptions({ queryKey: intervisionKeys.group(id), queryFn: ({ signal }) => getGroup(id, signal) });
}

export function useGroup(id: string) {
  return useQuery(groupQueryOptions(id));
}
