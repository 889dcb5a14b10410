import type { ImportKind, ImportMapping, SaveMappingBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { importKeys } from './keys';

/** A partner's column titles → our fields, saved under a name for their next file. */
export function saveImportMapping({
  kind,
  name,
  body,
  base,
}: {
  kind: ImportKind;
  name: string;
  body: SaveMappingBody;
  /** The mapping of that name the user loaded, replaced; none: a new name (If-None-Match). */
  base?: ImportMapping | undefined;
}): Promise<ImportMapping> {
  const url = `/api/imports/${kind}/mappings/${encodeURIComponent(name)}`;
  if (!base) return api.put<ImportMapping>(url, body, { ifNoneMatch: '*' });
  return sendVersioned(base, body, (version) => api.put<ImportMapping>(url, body, { ifMatch: version }));
}

export function useSaveImportMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveImportMapping,
    onSuccess: (_saved, { kind }) => queryClient.invalidateQueries({ queryKey: importKeys.mappings(kind) }),
  });
}
