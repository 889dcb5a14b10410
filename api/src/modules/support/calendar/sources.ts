import type { Locale } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { interventionEvents } from './interventions.js';
import { supervisionEvents } from './supervisions.js';

/** One event of a Support worker's calendar, with no free text: codes and kinds at most. */
export interface CalendarEvent {
  /** Stable across downloads (the record's id): a calendar that imported it updates it. */
  uid: string;
  /** A whole day (`yyyy-mm-dd`), or a Brussels wall-clock start and end (`hh:mm`). */
  day: string;
  startTime?: string;
  endTime?: string;
  summary: string;
  location?: string;
  description?: string;
  cancelled?: boolean;
  /** Raised by each correction of the record. */
  sequence: number;
  /** The sensitive records the event names, for the access log. */
  shows: { supportRequests?: string[]; supportPersons?: string[] };
}

/** Where a worker's events come from: each source its records where the worker is one of the pair. */
export interface CalendarSource {
  events(db: Executor, opts: { userId: string; from: string; locale: Locale }): Promise<CalendarEvent[]>;
}

/** Every source of a Support worker's calendar: a new kind of event is one more line here. */
export const CALENDAR_SOURCES: readonly CalendarSource[] = [interventionEvents, supervisionEvents];
