import type { MergePreview } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys, personKeys } from './keys';

export type Target = 'organisations' | 'people';

/** What merging `duplicateId` into `keepId` would move per kind, and what would refuse it. */
export function getMergePreview(
  target: Target,
  keepId: string,
  duplicateId: string,
  signal?: AbortSignal,
): Promise<MergePreview> {
  return api.get<MergePreview>(`/api/${target}/${encodeURIComponent(keepId)}/merge`, {
    query: { duplicateId },
    signal,
  });
}

export function mergePreviewQueryOptions(target: Target, keepId: string, duplicateId: string) {
  const keys = target === 'organisations' ? organisationKeys : personKeys;
  return queryOptions({
    queryKey: keys.mergePreview(keepId, duplicateId),
    queryFn: ({ signal }) => getMergePreview(target, keepId, duplicateId, signal),
    // Always asked afresh: another pole may have added a reference since.
    staleTime: 0,
  });
}

/** Nothing is asked until a duplicate is picked. */
export function useMergePreview(target: Target, keepId: string, duplicateId: string | undefined) {
  return useQuery({
    ...mergePreviewQueryOptions(target, keepId, duplicateId ?? ''),
    enabled: duplicateId !== undefined,
  });
}
