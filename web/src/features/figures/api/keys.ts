import type { Locale } from '@smes/shared';

/** A period and the filters figures take, as the API reads them. */
export interface FigureScope {
  from: string;
  to: string;
  cycleId?: string;
}

/** Values change with any record: mutations that change counts invalidate `all`. */
export const figureKeys = {
  all: ['figures'] as const,
  catalogue: () => [...figureKeys.all, 'catalogue'] as const,
  values: (scope: FigureScope, ids?: readonly string[]) =>
    [...figureKeys.all, 'values', scope, ids ?? 'all'] as const,
  records: (id: string, scope: FigureScope, locale: Locale, breakdown?: { dimension: string; key: string }) =>
    [...figureKeys.all, 'records', id, scope, locale, breakdown ?? null] as const,
  breakdown: (id: string, dimension: string, scope: FigureScope) =>
    [...figureKeys.all, 'breakdown', id, dimension, scope] as const,
};

/** The query string of a scope: no empty filter. */
export const scopeQuery = (scope: FigureScope) => ({
  from: scope.from,
  to: scope.to,
  ...(scope.cycleId ? { cycleId: scope.cycleId } : {}),
});
