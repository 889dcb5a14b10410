import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type CalendarSource = { kind: 'group'; id: string } | { kind: 'registration'; id: string };

/** The file name from the server's Content-Disposition is not readable through a blob: ours. */
export function calendarFileName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'intervision'}.ics`;
}

/**
 * The .ics comes through the client (the token is in memory, a plain link would carry none),
 * then the browser saves it from an object URL.
 */
export async function downloadCalendar({ source, name }: { source: CalendarSource; name: string }) {
  const path =
    source.kind === 'group'
      ? `/api/intervision/groups/${encodeURIComponent(source.id)}/calendar.ics`
      : `/api/intervision/registrations/${encodeURIComponent(source.id)}/calendar.ics`;
  const blob = await api.getBlob(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = calendarFileName(name);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a moment later: the click starts the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function useDownloadCalendar() {
  return useMutation({ mutationFn: downloadCalendar });
}
