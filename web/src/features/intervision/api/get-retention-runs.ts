import type { RetentionRunList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function getRetentionRuns(signal?: AbortSignal): Promise<RetentionRunList> {
  return api.get<RetentionRunList>('/api/intervision/retention-runs', { signal });
}

export function retentionRunsQueryOptions() {
  return queryOptions({
    queryKey: intervisionKeys.retentionRuns(),
    queryFn: ({ signal }) => getRetentionRuns(signal),
  });
}

export function useRetentionRuns({ enabled = true } = {}) {
  return useQuery({ ...retentionRunsQueryOptions(), enabled });
}
