import type { Supervision } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export function getSupervision(id: string, signal?: AbortSignal): Promise<Supervision> {
  return api.get<Supervision>(`/api/support/supervisions/${encodeURIComponent(id)}`, { signal });
}

export function supervisionQueryOptions(id: string) {
  return queryOptions({
    queryKey: supervisionKeys.detail(id),
    queryFn: ({ signal }) => getSupervision(id, signal),
  });
}

export function useSupervision(id: string) {
  return useQuery(supervisionQueryOptions(id));
}
