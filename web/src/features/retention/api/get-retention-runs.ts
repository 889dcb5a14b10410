import type { RetentionPolicyRunList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const retentionKeys = {
  all: ['retention-runs'] as const,
};

/** Every policy's last runs, newest first (administrators: GET /api/retention-runs). */
export function getRetentionRuns(signal?: AbortSignal): Promise<RetentionPolicyRunList> {
  return api.get<RetentionPolicyRunList>('/api/retention-runs', { signal });
}

export function retentionRunsQueryOptions() {
  return queryOptions({
    queryKey: retentionKeys.all,
    queryFn: ({ signal }) => getRetentionRuns(signal),
    // A run may have happened since: show the latest each time the page opens.
    staleTime: 0,
  });
}

export function useRetentionRuns() {
  return useQuery(retentionRunsQueryOptions());
}
