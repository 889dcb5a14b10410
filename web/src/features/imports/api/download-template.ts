import type { ImportKind, Locale } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';

/** The template comes through the client, then the browser saves it (lib/download.ts). */
export async function downloadTemplate({ kind, lang }: { kind: ImportKind; lang: Locale }): Promise<void> {
  const blob = await api.getBlob(`/api/imports/${kind}/template`, { query: { lang } });
  saveBlob(blob, `smes-${kind}-${lang}.csv`);
}

export function useDownloadTemplate() {
  return useMutation({ mutationFn: downloadTemplate });
}
