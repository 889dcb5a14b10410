import type { Locale, Period } from '@smes/shared';

/** Figures change whenever records do: kept short in the cache (see each query's staleTime). */
export const reportsKeys = {
  all: ['reports'] as const,
  catalogue: () => [...reportsKeys.all, 'catalogue'] as const,
  values: (period: Period) => [...reportsKeys.all, 'values', period] as const,
  records: (id: string, period: Period, locale: Locale, page: number) =>
    [...reportsKeys.all, 'records', id, period, locale, page] as const,
  breakdown: (id: string, dimension: string, period: Period) =>
    [...reportsKeys.all, 'breakdown', id, dimension, period] as const,
  saved: () => [...reportsKeys.all, 'saved'] as const,
  savedList: (page: number) => [...reportsKeys.saved(), 'list', page] as const,
  savedReport: (id: string) => [...reportsKeys.saved(), id] as const,
  changes: (id: string) => [...reportsKeys.saved(), id, 'changes'] as const,
};
