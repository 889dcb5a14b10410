import type { Cycle } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getCycle(id: string, signal?: AbortSignal): Promise<Cycle> {
  return api.get<Cycle>(`/api/intervision/cycles/${encodeURIComponent(id)}`, { signal });
}

export function cycleQueryOptions(id: string) {
  return queryOptions({ queryKey: intervisionKeys.cycle(id), queryFn: ({ signal }) => getCycle(id, signal) });
}

/** Waits for an id: a group's page knows its cycle only once the group has loaded. */
export function useCycle(id: string) {
  return useQuery({ ...cycleQueryOptions(id), enabled: id !== '' });
}
