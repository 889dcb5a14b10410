import type { GroupRow, SessionRow } from './repository.js';

/**
 * An iCalendar file (RFC 5545) of a group's sessions, that Outlook and Google Calendar import:
 * CRLF lines, a VTIMEZONE for Europe/Brussels, stable UIDs (re-importing updates, not duplicates),
 * cancelled sessions marked CANCELLED rather than dropped.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Brussels',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * Escapes text values (commas, semicolons, backslashes, line breaks) as the RFC asks. A bare CR
 * counts as a line break: many readers end a line there, which would let text start a property.
 */
export const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets are folded with CRLF + space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const local = (day: string, time: string) => `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** One group's sessions, or a participant's (all the groups they take part in). */
export function groupCalendar(
  name: string,
  events: { group: GroupRow; session: SessionRow }[],
  hostNames: Map<string, string>,
  now = new Date(),
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Smes//Intervision//FR-NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    ...VTIMEZONE,
  ];
  for (const { group, session: s } of events) {
    const host = s.hostOrganisationId ? hostNames.get(s.hostOrganisationId) : undefined;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@smes-intervision`,
      `DTSTAMP:${stamp(now)}`,
      // Raised by every correction of the session or its group: a calendar that imported the
      // event replaces it instead of keeping the old time.
      `SEQUENCE:${group.revision + s.revision}`,
      `DTSTART;TZID=Europe/Brussels:${local(s.startsOn, group.startTime)}`,
      `DTEND;TZID=Europe/Brussels:${local(s.startsOn, group.endTime)}`,
      `SUMMARY:${icsText(group.name)}`,
      ...(host ? [`LOCATION:${icsText(host)}`] : []),
      `STATUS:${s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      ...(s.status === 'cancelled' && s.cancelReason ? [`DESCRIPTION:${icsText(s.cancelReason)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
