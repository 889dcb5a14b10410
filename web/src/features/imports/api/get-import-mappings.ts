import type { ImportKind, ImportMappingList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

export function getImportMappings(kind: ImportKind, signal?: AbortSignal): Promise<ImportMappingList> {
  return api.get<ImportMappingList>(`/api/imports/${kind}/mappings`, { signal });
}

export function importMappingsQueryOptions(kind: ImportKind) {
  return queryOptions({
    queryKey: importKeys.mappings(kind),
    queryFn: ({ signal }) => getImportMappings(kind, signal),
    select: (list) => list.items,
  });
}

export function useImportMappings(kind: ImportKind) {
  return useQuery(importMappingsQueryOptions(kind));
}
