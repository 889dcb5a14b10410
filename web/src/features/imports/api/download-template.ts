import type { ImportKind, Locale } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * The template comes through the client (the token is in memory, a plain link would carry
 * none), then the browser saves it from an object URL.
 */
export async function downloadTemplate({ kind, lang }: { kind: ImportKind; lang: Locale }): Promise<void> {
  const blob = await api.getBlob(`/api/imports/${kind}/template`, { query: { lang } });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `smes-${kind}-${lang}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a moment later: the click starts the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function useDownloadTemplate() {
  return useMutation({ mutationFn: downloadTemplate });
}
