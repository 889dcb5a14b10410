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
import type { GovernanceBody, SeatRole } from '@smes/shared';
import { organisations, people } from './directory.js';
import { paymentCheck, paymentColumns } from './payments.js';

/** A member is an organisation or a person, never both: the check says so in the database. */
const oneHolder = (t: { organisationId: unknown; personId: unknown }) =>
  sql`(${t.organisationId} is null) <> (${t.personId} is null)`;

/**
 * Membership periods. "Was X a member on date D" reads these: the intervision fee depends on it.
 * `ends_on` is the last day of membership, inclusive; null while it lasts.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personId: uuid('person_id').references(() => people.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('memberships_one_holder', oneHolder(t)),
    check('memberships_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index('memberships_organisation_idx').on(t.organisationId),
    index('memberships_person_idx').on(t.personId),
  ],
);

/** Seats at the general assembly and on the board, with roles and terms. */
export const governanceSeats = pgTable(
  'governance_seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    body: text('body').$type<GovernanceBody>().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personId: uuid('person_id').references(() => people.id),
    /** For an organisation's seat: who sits for it. */
    representativeId: uuid('representative_id').references(() => people.id),
    role: text('role').$type<SeatRole>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('governance_seats_one_holder', oneHolder(t)),
    check('governance_seats_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index('governance_seats_body_idx').on(t.body),
  ],
);

/** Dues per member and year: what is due, and its payment (the payment model's columns). */
export const dues = pgTable(
  'dues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personId: uuid('person_id').references(() => people.id),
    amountDue: numeric('amount_due', { precision: 10, scale: 2 }).notNull(),
    ...paymentColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('dues_one_holder', oneHolder(t)),
    check('dues_amount', sql`${t.amountDue} >= 0`),
    paymentCheck('dues', t),
    uniqueIndex('dues_year_organisation_key').on(t.year, t.organisationId),
    uniqueIndex('dues_year_person_key').on(t.year, t.personId),
  ],
);
