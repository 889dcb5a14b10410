/**
 * The parts of an iCalendar file (RFC 5545) every calendar of the platform shares: Outlook and
 * Google Calendar import them. CRLF lines folded at 75 octets, a VTIMEZONE for Europe/Brussels,
 * text escaped.
 */
export const VTIMEZONE_BRUSSELS = [
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
export function fold(line: string): string {
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

/** An instant in UTC, as DTSTAMP wants it: `20260301T091500Z`. */
export const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A Brussels wall clock, for `;TZID=Europe/Brussels`: `20260301T091500`. */
export const local = (day: string, time: string) => `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** A whole day, for `;VALUE=DATE`: `20260301`. */
export const dateValue = (day: string) => day.replace(/-/g, '');

/** The file: its header, the events' lines, CRLF endings, long lines folded. */
export function icsFile({ name, prodId, events }: { name: string; prodId: string; events: string[][] }) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    ...VTIMEZONE_BRUSSELS,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
