import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Purpose, RecordKind } from '@smes/shared';

/**
 * Who read which sensitive records, when and why (decision 15): one row per read of a sensitive
 * record and per page of a list that names people of a sensitive kind. Ids only, never names or
 * values. Separate from the audit of changes, with its own retention (platform/access-log). The
 * app's role may only insert and select (rls.ts); old rows leave only through
 * `smes_access_log_expire(keep_years)` (migration 0021), which runs as the owner.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key to users: the log outlives the accounts. */
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    kind: text('kind').$type<RecordKind>().notNull(),
    recordIds: text('record_ids').array().notNull(),
    purpose: text('purpose').$type<Purpose>().notNull(),
    /** The reason written when breaking the glass; null otherwise. */
    reason: text('reason'),
    /** Read outside the reader's own scope (break-the-glass): shown to the administrators. */
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [
    index('access_log_at_idx').on(t.at),
    index('access_log_user_idx').on(t.userId, t.at),
    index('access_log_record_ids_idx').using('gin', t.recordIds),
    index('access_log_flagged_idx')
      .on(t.at)
      .where(sql`flagged`),
  ],
);
