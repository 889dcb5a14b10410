import type { ImportKind, ImportReport } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface RunImportInput {
  kind: ImportKind;
  file: File;
  /** true: a preview, nothing written. */
  dryRun: boolean;
  mapping?: string;
}

/** The file goes as the raw body; its name, the mode and the mapping in the query. */
export function runImport({ kind, file, dryRun, mapping }: RunImportInput): Promise<ImportReport> {
  return api.upload<ImportReport>(`/api/imports/${kind}`, file, {
    query: { fileName: file.name, dryRun, mapping },
  });
}

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    // A real run changes the directory or the membership, and the run history.
    onSuccess: (report) => (report.status === 'preview' ? undefined : queryClient.invalidateQueries()),
  });
}
