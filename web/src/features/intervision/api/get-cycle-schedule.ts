import type { CycleSchedule } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getCycleSchedule(cycleId: string, signal?: AbortSignal): Promise<CycleSchedule> {
  return api.get<CycleSchedule>(`/api/intervision/cycles/${encodeURIComponent(cycleId)}/schedule`, {
    signal,
  });
}

export function cycleScheduleQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: intervisionKeys.schedule(cycleId),
    queryFn: ({ signal }) => getCycleSchedule(cycleId, signal),
  });
}

export function useCycleSchedule(cycleId: string) {
  return useQuery(cycleScheduleQueryOptions(cycleId));
}
