import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SupervisionSessionStatus } from '@smes/shared';
import { organisations } from './directory.js';
import { paymentCheck, paymentColumns } from './payments.js';
import { users } from './users.js';

/**
 * A supervision Support gives a team of another organisation (issue 15, decision 28): the
 * agreement — when it starts, how many sessions are planned, the fee if any (paid with the
 * payment model's columns, decision 19).
 */
export const supportSupervisions = pgTable(
  'support_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The team inside the organisation. */
    team: text('team').notNull(),
    startsOn: date('starts_on').notNull(),
    plannedSessions: integer('planned_sessions'),
    fee: numeric('fee', { precision: 10, scale: 2 }),
    ...paymentColumns(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_supervisions_organisation_idx').on(t.organisationId),
    check('support_supervisions_fee', sql`${t.fee} is null or ${t.fee} >= 0`),
    check('support_supervisions_planned', sql`${t.plannedSessions} is null or ${t.plannedSessions} > 0`),
    paymentCheck('support_supervisions', t),
  ],
);

/** A session of a supervision, led by a pair of Support workers; held or cancelled with a reason. */
export const supportSupervisionSessions = pgTable(
  'support_supervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supportSupervisions.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    firstWorkerId: uuid('first_worker_id')
      .notNull()
      .references(() => users.id),
    secondWorkerId: uuid('second_worker_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<SupervisionSessionStatus>().notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    participants: integer('participants'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A team is supervised once a day at most (and the index serves its sessions in date order).
    uniqueIndex('support_supervision_sessions_day').on(t.supervisionId, t.startsOn),
    index('support_supervision_sessions_starts_idx').on(t.startsOn),
    check('support_supervision_sessions_pair', sql`${t.firstWorkerId} <> ${t.secondWorkerId}`),
    check(
      'support_supervision_sessions_status',
      sql`${t.status} in ('planned', 'held', 'cancelled')
          and (${t.status} = 'cancelled') = (${t.cancelReason} is not null)
          and (${t.participants} is null or (${t.status} = 'held' and ${t.participants} >= 0))`,
    ),
  ],
);
