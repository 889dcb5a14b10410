import type { SavedFigure } from '@smes/shared';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Reports as they were sent to a funder (decision 10): the figures' values, versions and FR/NL
 * wording of that day, stored whole so that a reprint never recomputes anything. Aggregates only.
 * Rows are never updated (a trigger refuses it).
 */
export const savedReports = pgTable(
  'saved_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    savedById: uuid('saved_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The name as it read that day: the document says who saved it even if the account goes. */
    savedByName: text('saved_by_name').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    figures: jsonb('figures').$type<SavedFigure[]>().notNull(),
  },
  (t) => [index('saved_reports_saved_at_idx').on(t.savedAt)],
);
