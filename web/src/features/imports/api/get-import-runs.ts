import type { ImportRunList } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

export function getImportRuns(page: number, signal?: AbortSignal): Promise<ImportRunList> {
  return api.get<ImportRunList>('/api/imports', { query: { page, pageSize: 20 }, signal });
}

export function importRunsQueryOptions(page: number) {
  return queryOptions({
    queryKey: importKeys.runPage(page),
    queryFn: ({ signal }) => getImportRuns(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImportRuns(page: number) {
  return useQuery(importRunsQueryOptions(page));
}
