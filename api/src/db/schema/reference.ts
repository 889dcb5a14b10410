import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReferenceKind } from '@smes/shared';

/**
 * Reference lists (sectors, communes, organisation types, languages) with their FR/NL labels.
 * Records point to an item by id, so renaming changes every label at once, and retiring hides an
 * item from pickers while the records that use it stay valid.
 */
export const referenceItems = pgTable(
  'reference_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    kind: text('kind').$type<ReferenceKind>().notNull(),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelNl: text('label_nl').notNull(),
    /** Communes: their postal codes. */
    postalCodes: text('postal_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reference_items_kind_code_key').on(t.kind, t.code)],
);
