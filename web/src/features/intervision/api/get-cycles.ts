import type { CycleList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getCycles(signal?: AbortSignal): Promise<CycleList> {
  return api.get<CycleList>('/api/intervision/cycles', { signal });
}

export function cyclesQueryOptions() {
  return queryOptions({ queryKey: intervisionKeys.cycles(), queryFn: ({ signal }) => getCycles(signal) });
}

export function useCycles() {
  return useQuery(cyclesQueryOptions());
}
