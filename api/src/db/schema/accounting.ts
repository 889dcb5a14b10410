import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The analytic code (or grant code) each source of money lines is booked on, set by the
 * accountant (decision 23): one row per money-lines declaration id (`association.dues`,
 * `connect.intervision.fees`), made the first time its code is set. Versioned like any record.
 */
export const analyticCodes = pgTable('analytic_codes', {
  /** The money lines' source: a declaration id of api/src/modules/money-lines.ts. */
  id: text('id').primaryKey(),
  code: text('code'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
