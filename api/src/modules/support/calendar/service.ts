import { assertCan } from '../../../access/assert-can.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { workerCalendar } from './calendar.js';
import { CALENDAR_SOURCES } from './sources.js';

/** How far back the calendar goes: a year of past events, and everything to come. */
const PAST_DAYS = 366;

/**
 * The signed-in Support worker's calendar: every source's events where they are one of the
 * pair, and the records those events name (for the access log).
 */
export async function myCalendarFile({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx.actor, 'support', 'read');
  const locale = ctx.actor.locale ?? 'fr';
  const from = todayInBrussels(new Date(Date.now() - PAST_DAYS * 86_400_000));
  const events = (
    await Promise.all(CALENDAR_SOURCES.map((s) => s.events(ctx.db, { userId: ctx.actor.id, from, locale })))
  )
    .flat()
    .sort((a, b) => a.day.localeCompare(b.day) || a.uid.localeCompare(b.uid));
  return {
    ics: workerCalendar(locale === 'nl' ? 'Smes Support – mijn agenda' : 'Smes Support – mon agenda', events),
    requestIds: [...new Set(events.flatMap((e) => e.shows.supportRequests ?? []))],
    personIds: [...new Set(events.flatMap((e) => e.shows.supportPersons ?? []))],
  };
}
