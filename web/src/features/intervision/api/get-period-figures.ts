import type { PeriodFigures, PeriodFiguresQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** The figures for any period (a calendar year for a funder), whatever the cycles. */
export function getPeriodFigures(query: PeriodFiguresQuery, signal?: AbortSignal): Promise<PeriodFigures> {
  return api.get<PeriodFigures>('/api/intervision/figures', { query: { ...query }, signal });
}

export function periodFiguresQueryOptions(query: PeriodFiguresQuery) {
  return queryOptions({
    queryKey: intervisionKeys.periodFigures(query),
    queryFn: ({ signal }) => getPeriodFigures(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePeriodFigures(query: PeriodFiguresQuery) {
  return useQuery(periodFiguresQueryOptions(query));
}
