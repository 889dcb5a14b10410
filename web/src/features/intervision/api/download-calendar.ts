import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';

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

/** The .ics comes through the client, then the browser saves it (lib/download.ts). */
export async function downloadCalendar({ source, name }: { source: CalendarSource; name: string }) {
  const path =
    source.kind === 'group'
      ? `/api/intervision/groups/${encodeURIComponent(source.id)}/calendar.ics`
      : `/api/intervision/registrations/${encodeURIComponent(source.id)}/calendar.ics`;
  const blob = await api.getBlob(path);
  saveBlob(blob, calendarFileName(name));
}

export function useDownloadCalendar() {
  return useMutation({ mutationFn: downloadCalendar });
}
