import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ImportKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import {
  affiliations,
  importMappings,
  importRowLinks,
  importRuns,
  organisations,
  organisationSectors,
  organisationTypes,
  people,
} from '../../../db/schema/index.js';
import { chunks } from './kinds/types.js';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The keys imports match organisations on, for the whole directory in one query. */
export async function organisationIndex(db: Executor) {
  const rows = await db
    .select({
      id: organisations.id,
      externalRef: organisations.externalRef,
      matchKey: organisations.matchKey,
    })
    .from(organisations)
    .where(isNull(organisations.mergedIntoId));
  const byRef = new Map<string, { id: string }>();
  const byName = new Map<string, { id: string }>();
  for (const r of rows) {
    if (r.externalRef) byRef.set(r.externalRef, r);
    if (r.matchKey && !byName.has(r.matchKey)) byName.set(r.matchKey, r);
  }
  return { byRef, byName };
}

export async function organisationsByIds(db: Executor, ids: string[]) {
  const out = new Map<string, OrganisationRow>();
  for (const batch of chunks(ids, 5000)) {
    for (const row of await db.select().from(organisations).where(inArray(organisations.id, batch)))
      out.set(row.id, row);
  }
  return out;
}

export async function insertOrganisations(
  db: Executor,
  rows: (typeof organisations.$inferInsert)[],
): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db.insert(organisations).values(rows).returning({ id: organisations.id });
  return inserted.map((r) => r.id);
}

export async function addClassifications(
  db: Executor,
  rows: { existingId: string | null; sectorIds: string[]; typeIds: string[] }[],
) {
  const sectors = rows.flatMap((r) =>
    r.sectorIds.map((sectorId) => ({ organisationId: r.existingId!, sectorId })),
  );
  const types = rows.flatMap((r) => r.typeIds.map((typeId) => ({ organisationId: r.existingId!, typeId })));
  for (const batch of chunks(sectors, 1000))
    await db.insert(organisationSectors).values(batch).onConflictDoNothing();
  for (const batch of chunks(types, 1000))
    await db.insert(organisationTypes).values(batch).onConflictDoNothing();
}

export async function insertRun(db: Executor, input: typeof importRuns.$inferInsert) {
  const [row] = await db.insert(importRuns).values(input).returning();
  return row!;
}

export async function insertRowLinks(db: Executor, links: (typeof importRowLinks.$inferInsert)[]) {
  for (const batch of chunks(links, 1000)) await db.insert(importRowLinks).values(batch);
}

export async function listRuns(db: Executor, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(importRuns)
      .orderBy(desc(importRuns.at))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(importRuns),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findMapping(db: Executor, kind: ImportKind, name: string) {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.name, name)))
    .limit(1);
  return row;
}

export async function listMappings(db: Executor, kind: ImportKind) {
  return db.select().from(importMappings).where(eq(importMappings.kind, kind)).orderBy(importMappings.name);
}

export async function saveMapping(
  db: Executor,
  kind: ImportKind,
  name: string,
  columns: Record<string, string>,
) {
  await db
    .insert(importMappings)
    .values({ kind, name, columns })
    .onConflictDoUpdate({
      target: [importMappings.kind, importMappings.name],
      set: { columns, updatedAt: sql`now()` },
    });
}

/** The keys imports match people on: reference, e-mail, folded name. */
export async function peopleIndex(db: Executor) {
  const rows = await db
    .select({
      id: people.id,
      externalRef: people.externalRef,
      email: people.email,
      matchKey: people.matchKey,
    })
    .from(people)
    .where(isNull(people.mergedIntoId));
  const byRef = new Map<string, { id: string }>();
  const byEmail = new Map<string, { id: string }>();
  const byName = new Map<string, { id: string }>();
  for (const r of rows) {
    if (r.externalRef) byRef.set(r.externalRef, r);
    if (r.email) byEmail.set(r.email, r);
    if (!byName.has(r.matchKey)) byName.set(r.matchKey, r);
  }
  return { byRef, byEmail, byName };
}

export async function peopleByIds(db: Executor, ids: string[]) {
  const out = new Map<string, typeof people.$inferSelect>();
  for (const batch of chunks(ids, 5000)) {
    for (const row of await db.select().from(people).where(inArray(people.id, batch))) out.set(row.id, row);
  }
  return out;
}

/** Current (not ended) affiliations, as `personId:organisationId` pairs. */
export async function currentAffiliationPairs(db: Executor, personIds: string[]) {
  const pairs = new Set<string>();
  for (const batch of chunks(personIds, 5000)) {
    const rows = await db
      .select({ personId: affiliations.personId, organisationId: affiliations.organisationId })
      .from(affiliations)
      .where(
        and(
          inArray(affiliations.personId, batch),
          sql`(${affiliations.endsOn} is null or ${affiliations.endsOn} >= current_date)`,
        ),
      );
    for (const r of rows) pairs.add(`${r.personId}:${r.organisationId}`);
  }
  return pairs;
}

export async function insertPeople(db: Executor, rows: (typeof people.$inferInsert)[]): Promise<string[]> {
  if (!rows.length) return [];
  return (await db.insert(people).values(rows).returning({ id: people.id })).map((r) => r.id);
}

export async function insertAffiliations(db: Executor, rows: (typeof affiliations.$inferInsert)[]) {
  for (const batch of chunks(rows, 1000)) await db.insert(affiliations).values(batch);
}

/** Sector and type ids per organisation, for many organisations (in chunks the server accepts). */
export async function classificationSets(db: Executor, ids: string[]) {
  const sectors = new Map<string, Set<string>>();
  const types = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, org: string, id: string) => {
    const set = map.get(org) ?? new Set<string>();
    set.add(id);
    map.set(org, set);
  };
  for (const batch of chunks(ids, 5000)) {
    const [s, t] = await Promise.all([
      db.select().from(organisationSectors).where(inArray(organisationSectors.organisationId, batch)),
      db.select().from(organisationTypes).where(inArray(organisationTypes.organisationId, batch)),
    ]);
    for (const r of s) add(sectors, r.organisationId, r.sectorId);
    for (const r of t) add(types, r.organisationId, r.typeId);
  }
  return { sectors, types };
}
