import type { FigureBreakdown, FigureCatalogue, FigureRecordPage, FigureValues } from '@smes/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useLocale } from '@/hooks/use-locale';
import { api } from '@/lib/api-client';
import { figureKeys, scopeQuery, type FigureScope } from './keys';

/** Every figure, named in FR and NL: it changes only with a new version of the platform. */
export function useFigureCatalogue() {
  return useQuery({
    queryKey: figureKeys.catalogue(),
    queryFn: ({ signal }) => api.get<FigureCatalogue>('/api/figures', { signal }),
    staleTime: Infinity,
  });
}

/** Many figures' values for a period at once (all of them when `ids` is absent). */
export function useFigureValues(scope: FigureScope, ids?: readonly string[]) {
  return useQuery({
    queryKey: figureKeys.values(scope, ids),
    queryFn: ({ signal }) =>
      api.get<FigureValues>('/api/figures/values', {
        query: { ...scopeQuery(scope), ...(ids ? { ids: ids.join(',') } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
    // Any record changed anywhere may move a figure: read afresh whenever a screen shows it.
    staleTime: 0,
  });
}

export const RECORDS_PAGE_SIZE = 50;

/**
 * A figure's records, a page at a time, fetched once someone opens them (`enabled`), in the order
 * the API gives: names sorted in the screen's language, the same order from one page to the next.
 */
export function useFigureRecords(
  id: string,
  scope: FigureScope,
  { enabled, breakdown }: { enabled: boolean; breakdown?: { dimension: string; key: string } },
) {
  const locale = useLocale();
  return useInfiniteQuery({
    queryKey: figureKeys.records(id, scope, locale, breakdown),
    queryFn: ({ signal, pageParam }) =>
      api.get<FigureRecordPage>(`/api/figures/${encodeURIComponent(id)}/records`, {
        query: {
          ...scopeQuery(scope),
          ...(breakdown ? { dimension: breakdown.dimension, key: breakdown.key } : {}),
          page: pageParam,
          pageSize: RECORDS_PAGE_SIZE,
          locale,
        },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
    staleTime: 0,
  });
}

/** A figure broken down by a dimension (sector, commune, language), with each row's share. */
export function useFigureBreakdown(id: string, dimension: string, scope: FigureScope) {
  return useQuery({
    queryKey: figureKeys.breakdown(id, dimension, scope),
    queryFn: ({ signal }) =>
      api.get<FigureBreakdown>(
        `/api/figures/${encodeURIComponent(id)}/breakdown/${encodeURIComponent(dimension)}`,
        { query: scopeQuery(scope), signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
