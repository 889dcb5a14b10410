import { dateValue, icsFile, icsText, local, stamp } from '../../../lib/ics.js';
import type { CalendarEvent } from './sources.js';

const nextDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** A Support worker's calendar (RFC 5545): whole days or Brussels times, stable UIDs. */
export function workerCalendar(name: string, events: readonly CalendarEvent[], now = new Date()): string {
  return icsFile({
    name,
    prodId: '-//Smes//Support//FR-NL',
    events: events.map((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `SEQUENCE:${e.sequence}`,
      ...(e.startTime && e.endTime
        ? [
            `DTSTART;TZID=Europe/Brussels:${local(e.day, e.startTime)}`,
            `DTEND;TZID=Europe/Brussels:${local(e.day, e.endTime)}`,
          ]
        : [`DTSTART;VALUE=DATE:${dateValue(e.day)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(e.day))}`]),
      `SUMMARY:${icsText(e.summary)}`,
      ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    ]),
  });
}
