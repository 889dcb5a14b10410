import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './directory.js';

/** The log of representation and concertation meetings Smes went to (counted per year). */
export const representationMeetings = pgTable(
  'representation_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    heldOn: date('held_on').notNull(),
    body: text('body').notNull(),
    topic: text('topic').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('representation_meetings_held_on_idx').on(t.heldOn)],
);

export const representationMeetingAttendees = pgTable(
  'representation_meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => representationMeetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index('representation_meeting_attendees_person_idx').on(t.personId),
  ],
);
