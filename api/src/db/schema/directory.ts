import { sql } from 'drizzle-orm';
import {
  integer,
  type AnyPgColumn,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { referenceItems } from './reference.js';

/**
 * The shared directory every pole uses. `search_key` is the names folded by the application
 * (lower case, no accents, punctuation as spaces), indexed with trigrams for "any part of a name".
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    nameFr: text('name_fr'),
    nameNl: text('name_nl'),
    searchKey: text('search_key').notNull(),
    /** The duplicate-finding key: the name without legal forms and spaces ("diogenes"). */
    matchKey: text('match_key').notNull(),
    /** What near-duplicates are matched on: the names without common words (migration 0013). */
    distinctiveKey: text('distinctive_key')
      .notNull()
      .generatedAlwaysAs(sql`directory_distinctive_name(search_key)`),
    street: text('street'),
    postalCode: text('postal_code'),
    communeId: uuid('commune_id').references(() => referenceItems.id),
    city: text('city'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    notes: text('notes'),
    closedOn: date('closed_on'),
    /** A partner's own identifier, the key re-imports match on. */
    externalRef: text('external_ref'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_search_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    // The directory's order: an unfiltered first page reads 25 rows of this index, not the table.
    index('organisations_display_name_idx').on(sql`lower(coalesce(${t.nameFr}, ${t.nameNl}))`, t.id),
    // The same in Dutch: a figure's records sorted for a Dutch reader (reports/figures `nameOrder`).
    index('organisations_display_name_nl_idx').on(sql`lower(coalesce(${t.nameNl}, ${t.nameFr}))`, t.id),
    index('organisations_match_key_idx').on(t.matchKey),
    index('organisations_distinctive_trgm').using('gin', sql`${t.distinctiveKey} gin_trgm_ops`),
    uniqueIndex('organisations_external_ref_key').on(t.externalRef),
    index('organisations_commune_idx').on(t.communeId),
  ],
);

export const organisationSectors = pgTable(
  'organisation_sectors',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => referenceItems.id),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.sectorId] }),
    index('organisation_sectors_sector_idx').on(t.sectorId),
  ],
);

/**
 * An organisation's sectors as they were before each change of them (issue 15): a record that
 * keeps the sectors of its own day (a Support request, a training participant) entered for a
 * past day (an imported log) reads them here. No foreign key: the history of a duplicate merged
 * away stays under its id, as its row does.
 */
export const organisationSectorChanges = pgTable(
  'organisation_sector_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    sectorIdsBefore: uuid('sector_ids_before').array().notNull(),
  },
  (t) => [index('organisation_sector_changes_idx').on(t.organisationId, t.changedAt)],
);

export const organisationTypes = pgTable(
  'organisation_types',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => referenceItems.id),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.typeId] }),
    index('organisation_types_type_idx').on(t.typeId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    searchKey: text('search_key').notNull(),
    matchKey: text('match_key').notNull(),
    email: text('email'),
    phone: text('phone'),
    language: text('language'),
    notes: text('notes'),
    externalRef: text('external_ref'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => people.id),
    /** Erased (art. 17): names, contact and notes blanked that day; the row stays for the counts. */
    erasedOn: date('erased_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_search_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    index('people_name_order_idx').on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`, t.id),
    index('people_match_key_idx').on(t.matchKey),
    uniqueIndex('people_external_ref_key').on(t.externalRef),
    index('people_email_idx').on(t.email),
  ],
);

/** A person works for an organisation over a period; several over time. */
export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    function: text('function'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('affiliations_person_idx').on(t.personId),
    index('affiliations_organisation_idx').on(t.organisationId),
  ],
);
