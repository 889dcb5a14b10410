import type { AnalyticCode, AnalyticCodeList, UpdateAnalyticCodeBody } from '@smes/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';

export const analyticCodeKeys = { all: ['analytic-codes'] as const };

/** Every source of money lines and its analytic code (the accountant, administrators). */
export function analyticCodesQueryOptions() {
  return queryOptions({
    queryKey: analyticCodeKeys.all,
    queryFn: ({ signal }) => api.get<AnalyticCodeList>('/api/analytic-codes', { signal }),
  });
}

export function useAnalyticCodes() {
  return useQuery(analyticCodesQueryOptions());
}

/** Sets (or clears, with null) a source's code, under the version the page read. */
export function useUpdateAnalyticCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ base, body }: { base: AnalyticCode; body: UpdateAnalyticCodeBody }) =>
      sendVersioned(base, body, (version) =>
        api.put<AnalyticCode>(`/api/analytic-codes/${encodeURIComponent(base.id)}`, body, {
          ifMatch: version,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analyticCodeKeys.all }),
  });
}
