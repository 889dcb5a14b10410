import type { Period } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useLocale } from '@/hooks/use-locale';
import { api } from '@/lib/api-client';
import { reportsKeys } from './keys';
import type { FigureBreakdown, FigureDefinition, FigureRecordPage, FigureValues } from './types';

export const RECORDS_PAGE_SIZE = 25;

export function catalogueQueryOptions() {
  return queryOptions({
    queryKey: reportsKeys.catalogue(),
    queryFn: ({ signal }) => api.get<FigureDefinition[]>('/api/figures', { signal }),
    staleTime: Infinity, // definitions change with a release, not while the page is open
  });
}

export const useFigureCatalogue = () => useQuery(catalogueQueryOptions());

export function useFigureValues(period: Period) {
  return useQuery({
    queryKey: reportsKeys.values(period),
    queryFn: ({ signal }) => api.get<FigureValues>('/api/figures/values', { query: { ...period }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A page of a figure's records, names sorted by the API in the screen's language (one order across pages). */
export function useFigureRecords(id: string, period: Period, page: number) {
  const locale = useLocale();
  return useQuery({
    queryKey: reportsKeys.records(id, period, locale, page),
    queryFn: ({ signal }) =>
      api.get<FigureRecordPage>(`/api/figures/${encodeURIComponent(id)}/records`, {
        query: { ...period, page, pageSize: RECORDS_PAGE_SIZE, locale },
        signal,
      }),
    // The previous page stays on screen while the next loads; not the other language's order.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[4] === locale ? previous : undefined,
  });
}

export function useFigureBreakdown(id: string, dimension: string, period: Period) {
  return useQuery({
    queryKey: reportsKeys.breakdown(id, dimension, period),
    queryFn: ({ signal }) =>
      api.get<FigureBreakdown>(
        `/api/figures/${encodeURIComponent(id)}/breakdown/${encodeURIComponent(dimension)}`,
        { query: { ...period }, signal },
      ),
  });
}
