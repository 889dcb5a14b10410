import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The ids clients chose for the records they created (decision 18): one row per create sent with
 * an `id`, in the create's own transaction, so the same create sent again (a retry after a
 * timeout, an offline entry sent twice) answers what the first one answered instead of making a
 * second record. Its primary key serialises two that arrive at once. `fingerprint` is a hash of
 * the route, its path parameters and the body; `response` the answer of the first. Rows older
 * than `CLIENT_ID_DAYS` are removed as their user creates more.
 */
export const clientIds = pgTable(
  'client_ids',
  {
    id: uuid('id').primaryKey(),
    /** `POST /api/people`: the route the id was sent to. */
    route: text('route').notNull(),
    fingerprint: text('fingerprint').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('client_ids_user_created_idx').on(t.userId, t.createdAt)],
);
