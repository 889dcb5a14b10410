import type { ReferenceKind, ReferenceList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { referenceKeys } from './keys';

export function getReferenceItems(
  kind: ReferenceKind,
  includeRetired: boolean,
  signal?: AbortSignal,
): Promise<ReferenceList> {
  return api.get<ReferenceList>(`/api/reference/${kind}`, {
    query: { includeRetired: includeRetired || undefined },
    signal,
  });
}

export function referenceItemsQueryOptions(kind: ReferenceKind, { includeRetired = false } = {}) {
  return queryOptions({
    queryKey: referenceKeys.list(kind, includeRetired),
    queryFn: ({ signal }) => getReferenceItems(kind, includeRetired, signal),
    // Lists change rarely (an admin renames a sector): no need to refetch on every screen.
    staleTime: 5 * 60_000,
    select: (list) => list.items,
  });
}

/**
 * Forms ask for the retired items too, so that a record keeps showing (and keeping) an item
 * retired since; they offer only the active ones for a new choice.
 */
export function useReferenceItems(kind: ReferenceKind, options: { includeRetired?: boolean } = {}) {
  return useQuery(referenceItemsQueryOptions(kind, options));
}
