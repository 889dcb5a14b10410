import { sql } from 'drizzle-orm';
import { DEFAULT_INTERVISION_FEES } from '@smes/shared';
import {
  boolean,
  primaryKey,
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
import { organisations, people } from './directory.js';
import { paymentCheck, paymentColumns } from './payments.js';

/** A yearly intervision cycle (e.g. 2024-2025) and its fees for members and others. */
export const intervisionCycles = pgTable('intervision_cycles', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Bumped by every change; the record's ETag (decision 13). */
  version: integer('version').notNull().default(1),
  name: text('name').notNull().unique(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  memberFee: numeric('member_fee', { precision: 8, scale: 2 })
    .notNull()
    .default(DEFAULT_INTERVISION_FEES.member),
  nonMemberFee: numeric('non_member_fee', { precision: 8, scale: 2 })
    .notNull()
    .default(DEFAULT_INTERVISION_FEES.nonMember),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const intervisionGroups = pgTable(
  'intervision_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => intervisionCycles.id),
    name: text('name').notNull(),
    kind: text('kind').$type<'intersectoral' | 'peer_experts' | 'exchange_table'>().notNull(),
    language: text('language').$type<'fr' | 'nl'>().notNull(),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    capacity: integer('capacity').notNull().default(10),
    facilitatorIds: uuid('facilitator_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Counts corrections, so calendars that imported the group's sessions take the new hours. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intervision_groups_cycle_idx').on(t.cycleId)],
);

export const intervisionSessions = pgTable(
  'intervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    groupId: uuid('group_id')
      .notNull()
      .references(() => intervisionGroups.id),
    startsOn: date('starts_on').notNull(),
    hostOrganisationId: uuid('host_organisation_id').references(() => organisations.id),
    status: text('status')
      .$type<'planned' | 'held' | 'held_video' | 'cancelled'>()
      .notNull()
      .default('planned'),
    cancelReason: text('cancel_reason'),
    /** Counts changes of date, host or status: the calendar's SEQUENCE, so imported copies update. */
    revision: integer('revision').notNull().default(0),
  },
  // A group meets once a day at most (and the index serves a group's sessions in date order).
  (t) => [uniqueIndex('intervision_sessions_group_date').on(t.groupId, t.startsOn)],
);

/**
 * Who takes part. One worker per organisation per group: the partial unique index makes the
 * database refuse a second active registration even if two requests race.
 */
export const intervisionRegistrations = pgTable(
  'intervision_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    groupId: uuid('group_id')
      .notNull()
      .references(() => intervisionGroups.id),
    /** Null once the retention job has removed the participant (the cycle's year is over). */
    personId: uuid('person_id').references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    registeredOn: date('registered_on').notNull(),
    status: text('status').$type<'registered' | 'waiting' | 'withdrawn'>().notNull(),
    withdrawnOn: date('withdrawn_on'),
    fee: numeric('fee', { precision: 8, scale: 2 }).notNull(),
    memberRate: boolean('member_rate').notNull(),
    /** The fee's payment (the payment model's columns, decision 19). */
    ...paymentColumns(),
    /** When the retention job removed the participant; the row stays so the counts stay true. */
    anonymisedOn: date('anonymised_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('intervision_registrations_one_per_organisation')
      .on(t.groupId, t.organisationId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index('intervision_registrations_group_idx').on(t.groupId),
    paymentCheck('intervision_registrations', t),
  ],
);

/** Who was present at a session: a registration, so the count survives the retention job. */
export const intervisionAttendance = pgTable(
  'intervision_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => intervisionSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => intervisionRegistrations.id),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.registrationId] }),
    index('intervision_attendance_registration_idx').on(t.registrationId),
  ],
);
