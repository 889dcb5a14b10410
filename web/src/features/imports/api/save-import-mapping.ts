import type { ImportKind, ImportMapping, SaveMappingBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { importKeys } from './keys';

/** A partner's column titles → our fields, saved under a name for their next file. */
export function saveImportMapping({
  kind,
  name,
  body,
}: {
  kind: ImportKind;
  name: string;
  body: SaveMappingBody;
}): Promise<ImportMapping> {
  return api.put<ImportMapping>(`/api/imports/${kind}/mappings/${encodeURIComponent(name)}`, body);
}

export function useSaveImportMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveImportMapping,
    onSuccess: (_saved, { kind }) => queryClient.invalidateQueries({ queryKey: importKeys.mappings(kind) }),
  });
}
