import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  SupportAgeBand,
  SupportAnswerHow,
  SupportChannel,
  SupportCloseReason,
  SupportGender,
  SupportHousing,
  SupportInterventionPlace,
  SupportRequesterKind,
  SupportStatus,
} from '@smes/shared';
import { organisations, people } from './directory.js';
import { users } from './users.js';

/**
 * The person a Support request is about: pseudonymous (issue 15). A generated code, optional
 * initials and what the figures need; never a name, an address or a diagnosis. One record per
 * person, found again by code or initials when a second request concerns them.
 */
export const supportPersons = pgTable(
  'support_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    code: text('code').notNull(),
    initials: text('initials'),
    gender: text('gender').$type<SupportGender>().notNull().default('unknown'),
    ageBand: text('age_band').$type<SupportAgeBand>().notNull().default('unknown'),
    housing: text('housing').$type<SupportHousing>().notNull().default('unknown'),
    language: text('language'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_persons_code_key').on(t.code),
    index('support_persons_initials_idx').on(sql`lower(${t.initials})`),
  ],
);

/**
 * A request from a front-line worker (or a relative, a neighbour…) stuck with someone: answered
 * within a week (`due_on`: the received day in Brussels + 7 days), then followed until closed.
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    code: text('code').notNull(),
    /**
     * The request's number in the team's own request log, when it was imported from it: what a
     * second import of the log finds it again by (decision 30).
     */
    logNumber: text('log_number'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The received day in Brussels + 7 calendar days: the one-week promise. */
    dueOn: date('due_on').notNull(),
    channel: text('channel').$type<SupportChannel>().notNull(),
    requesterKind: text('requester_kind').$type<SupportRequesterKind>().notNull(),
    /** A professional requester: a person of the directory, with the organisation they asked for. */
    requesterPersonId: uuid('requester_person_id').references(() => people.id),
    requesterOrganisationId: uuid('requester_organisation_id').references(() => organisations.id),
    /** The organisation's sectors on the received day, kept with the request (reference items). */
    requesterSectorIds: uuid('requester_sector_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** A non-professional requester: a name and a way to call back (blanked by retention). */
    requesterName: text('requester_name'),
    requesterCallBack: text('requester_call_back'),
    personId: uuid('person_id')
      .notNull()
      .references(() => supportPersons.id),
    /** The impasse in the requester's words. */
    impasse: text('impasse'),
    status: text('status').$type<SupportStatus>().notNull().default('new'),
    discussedOn: date('discussed_on'),
    firstAnswerOn: date('first_answer_on'),
    firstAnswerBy: uuid('first_answer_by').references(() => users.id),
    firstAnswerHow: text('first_answer_how').$type<SupportAnswerHow>(),
    closedOn: date('closed_on'),
    closeReason: text('close_reason').$type<SupportCloseReason>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_requests_code_key').on(t.code),
    uniqueIndex('support_requests_log_number_key').on(t.logNumber),
    index('support_requests_received_idx').on(t.receivedAt),
    index('support_requests_due_idx').on(t.dueOn),
    index('support_requests_person_idx').on(t.personId),
    index('support_requests_requester_person_idx').on(t.requesterPersonId),
    index('support_requests_requester_organisation_idx').on(t.requesterOrganisationId),
    check(
      'support_requests_requester',
      sql`(${t.requesterKind} = 'professional' and ${t.requesterPersonId} is not null and ${t.requesterOrganisationId} is not null)
          or (${t.requesterKind} <> 'professional' and ${t.requesterPersonId} is null and ${t.requesterOrganisationId} is null)`,
    ),
    // A first answer is all or nothing: when, by whom, how.
    check(
      'support_requests_first_answer',
      sql`num_nonnulls(${t.firstAnswerOn}, ${t.firstAnswerBy}, ${t.firstAnswerHow}) in (0, 3)`,
    ),
    // Closed exactly when it has a closing day, and a reason exactly with that day.
    check(
      'support_requests_closed',
      sql`(${t.status} = 'closed') = (${t.closedOn} is not null) and (${t.closeReason} is null) = (${t.closedOn} is null)`,
    ),
  ],
);

/** An intervention of a Support pair for a request. */
export const supportInterventions = pgTable(
  'support_interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    /** The pair of Support workers who went (users). */
    firstWorkerId: uuid('first_worker_id')
      .notNull()
      .references(() => users.id),
    secondWorkerId: uuid('second_worker_id')
      .notNull()
      .references(() => users.id),
    place: text('place').$type<SupportInterventionPlace>().notNull(),
    durationMinutes: integer('duration_minutes'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_interventions_request_idx').on(t.requestId),
    index('support_interventions_held_on_idx').on(t.heldOn),
    check('support_interventions_pair', sql`${t.firstWorkerId} <> ${t.secondWorkerId}`),
  ],
);

/** The organisations a request was referred to. */
export const supportReferrals = pgTable(
  'support_referrals',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.organisationId] }),
    index('support_referrals_organisation_idx').on(t.organisationId),
  ],
);
