import type { CycleFigures } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getCycleFigures(cycleId: string, signal?: AbortSignal): Promise<CycleFigures> {
  return api.get<CycleFigures>(`/api/intervision/cycles/${encodeURIComponent(cycleId)}/figures`, { signal });
}

export function cycleFiguresQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: intervisionKeys.figures(cycleId),
    queryFn: ({ signal }) => getCycleFigures(cycleId, signal),
  });
}

export function useCycleFigures(cycleId: string) {
  return useQuery(cycleFiguresQueryOptions(cycleId));
}
