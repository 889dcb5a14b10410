import { icsFile, icsText, local, stamp } from '../../../lib/ics.js';
import type { GroupRow, SessionRow } from './repository.js';

/*
 * An iCalendar file of a group's sessions (the shared parts in lib/ics.ts): stable UIDs
 * (re-importing updates, not duplicates), cancelled sessions marked CANCELLED rather than dropped.
 */

/** One group's sessions, or a participant's (all the groups they take part in). */
export function groupCalendar(
  name: string,
  events: { group: GroupRow; session: SessionRow }[],
  hostNames: Map<string, string>,
  now = new Date(),
): string {
  const vevents: string[][] = [];
  for (const { group, session: s } of events) {
    const host = s.hostOrganisationId ? hostNames.get(s.hostOrganisationId) : undefined;
    vevents.push([
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
    ]);
  }
  return icsFile({ name, prodId: '-//Smes//Intervision//FR-NL', events: vevents });
}
