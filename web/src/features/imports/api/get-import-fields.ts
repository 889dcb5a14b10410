import type { ImportFieldList, ImportKind } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

export function getImportFields(kind: ImportKind, signal?: AbortSignal): Promise<ImportFieldList> {
  return api.get<ImportFieldList>(`/api/imports/${kind}/fields`, { signal });
}

export function importFieldsQueryOptions(kind: ImportKind) {
  return queryOptions({
    queryKey: importKeys.fields(kind),
    queryFn: ({ signal }) => getImportFields(kind, signal),
    staleTime: Infinity, // fixed by the code of the API
    select: (list) => list.items,
  });
}

export function useImportFields(kind: ImportKind) {
  return useQuery(importFieldsQueryOptions(kind));
}
