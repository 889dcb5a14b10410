import type { RecordKind } from '@smes/shared';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Each pass of a retention policy that removed something, every manual pass, and every pass that
 * failed: which policy, when it started and finished, what it removed (counts per thing), what
 * the policy wants to say about it (`details`), or the error.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policy: text('policy').notNull(),
    /**
     * The record kind the run is kept under (its policy's `runKind`): row security shows each
     * pole its own policies' runs only (api/src/db/record-tables.ts).
     */
    runKind: text('run_kind').$type<RecordKind>().notNull(),
    trigger: text('trigger').$type<'schedule' | 'manual'>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
  },
  (t) => [index('retention_runs_policy_started_idx').on(t.policy, t.startedAt)],
);
