import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportCounts, ImportKind } from '@smes/shared';

/** Every import that was applied or refused: who, when, which file (by hash), and the counts. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ImportKind>().notNull(),
    status: text('status').$type<'applied' | 'rejected'>().notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').notNull(),
    mappingName: text('mapping_name'),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    via: text('via').notNull(),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_runs_at_idx').on(t.at)],
);

/** Provenance: which import row created or changed which record. */
export const importRowLinks = pgTable(
  'import_row_links',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id),
    rowNumber: integer('row_number').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').$type<'created' | 'updated'>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.rowNumber, t.entityType] }),
    index('import_row_links_entity_idx').on(t.entityId),
  ],
);

/** A partner's column titles → our fields, saved under a name so their next file maps itself. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Bumped by every change; the record's ETag (decision 13). */
    version: integer('version').notNull().default(1),
    kind: text('kind').$type<ImportKind>().notNull(),
    name: text('name').notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_kind_name_key').on(t.kind, t.name)],
);
