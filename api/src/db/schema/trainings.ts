import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TrainingFormat, TrainingOrganiser } from '@smes/shared';
import { organisations, people } from './directory.js';
import { paymentCheck, paymentColumns } from './payments.js';

/** A training module of the Support pole (issue 15): its title in FR and NL, its themes. */
export const supportTrainingModules = pgTable('support_training_modules', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Bumped by every change; the record's ETag (decision 13). */
  version: integer('version').notNull().default(1),
  titleFr: text('title_fr').notNull(),
  titleNl: text('title_nl').notNull(),
  themes: text('themes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An edition of a module: given by Smes or by a partner (a federation…) on one or more days,
 * in a place or by video, for a capacity, at a fee per participant (a money line when paid).
 * A partner's edition may name only how many came (`participant_count`).
 */
export const supportTrainingEditions = pgTable(
  'support_training_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().default(1),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => supportTrainingModules.id),
    organiser: text('organiser').$type<TrainingOrganiser>().notNull(),
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id),
    format: text('format').$type<TrainingFormat>().notNull(),
    place: text('place'),
    capacity: integer('capacity'),
    fee: numeric('fee', { precision: 10, scale: 2 }),
    /** Only for a partner's edition whose participants are not named: how many came. */
    participantCount: integer('participant_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_training_editions_module_idx').on(t.moduleId),
    index('support_training_editions_partner_idx').on(t.partnerOrganisationId),
    check(
      'support_training_editions_partner',
      sql`(${t.organiser} = 'partner') = (${t.partnerOrganisationId} is not null)`,
    ),
    check(
      'support_training_editions_count',
      sql`${t.participantCount} is null or (${t.organiser} = 'partner' and ${t.participantCount} >= 0)`,
    ),
    check('support_training_editions_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('support_training_editions_fee', sql`${t.fee} is null or ${t.fee} >= 0`),
  ],
);

/** A day of an edition. */
export const supportTrainingSessions = pgTable(
  'support_training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => supportTrainingEditions.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
  },
  (t) => [
    uniqueIndex('support_training_sessions_day_key').on(t.editionId, t.heldOn),
    index('support_training_sessions_held_on_idx').on(t.heldOn),
  ],
);

/**
 * A participant of an edition: a person of the directory with the organisation they came for,
 * whose sectors on the registration day are kept (as Support requests keep theirs), and the
 * payment of the edition's fee (decision 19).
 */
export const supportTrainingParticipants = pgTable(
  'support_training_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().default(1),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => supportTrainingEditions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    sectorIds: uuid('sector_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    registeredOn: date('registered_on').notNull(),
    /** The edition's fee on the registration day (null: free). */
    fee: numeric('fee', { precision: 10, scale: 2 }),
    ...paymentColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_training_participants_person_key').on(t.editionId, t.personId),
    index('support_training_participants_person_idx').on(t.personId),
    index('support_training_participants_organisation_idx').on(t.organisationId),
    paymentCheck('support_training_participants', t),
  ],
);

/** Who was present at a session (a row per participant present). */
export const supportTrainingAttendance = pgTable(
  'support_training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supportTrainingSessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => supportTrainingParticipants.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('support_training_attendance_participant_idx').on(t.participantId),
  ],
);
