import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PersonListQuery } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { affiliations, organisations, people } from '../../../db/schema/index.js';
import { chunks } from '../../../lib/chunks.js';
import { likeEscape } from '../../../lib/text.js';

export type PersonRow = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type NewAffiliation = typeof affiliations.$inferInsert;

const live = isNull(people.mergedIntoId);
/** An affiliation is current when it has not ended before today. */
const current = or(isNull(affiliations.endsOn), sql`${affiliations.endsOn} >= current_date`)!;

export async function findPerson(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, id), live))
    .limit(1);
  return row;
}

export async function findPersonByExternalRef(db: Executor, externalRef: string) {
  const [row] = await db.select().from(people).where(eq(people.externalRef, externalRef)).limit(1);
  return row;
}

export async function insertPerson(db: Executor, input: NewPerson) {
  const [row] = await db.insert(people).values(input).returning();
  return row!;
}

export async function updatePerson(db: Executor, id: string, patch: Partial<NewPerson>) {
  const [row] = await db
    .update(people)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(people.id, id))
    .returning();
  return row;
}

export async function insertAffiliation(db: Executor, input: NewAffiliation) {
  const [row] = await db.insert(affiliations).values(input).returning();
  return row!;
}

export async function findAffiliation(db: Executor, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(affiliations)
    .where(and(eq(affiliations.id, id), eq(affiliations.personId, personId)))
    .limit(1);
  return row;
}

export async function updateAffiliation(db: Executor, id: string, patch: Partial<NewAffiliation>) {
  const [row] = await db.update(affiliations).set(patch).where(eq(affiliations.id, id)).returning();
  return row;
}

/** Affiliations of several people with their organisations' names, in one query. */
export async function affiliationsOf(db: Executor, personIds: string[], onlyCurrent = false) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: affiliations.id,
      personId: affiliations.personId,
      function: affiliations.function,
      startsOn: affiliations.startsOn,
      endsOn: affiliations.endsOn,
      organisation: { id: organisations.id, nameFr: organisations.nameFr, nameNl: organisations.nameNl },
    })
    .from(affiliations)
    .innerJoin(organisations, eq(organisations.id, affiliations.organisationId))
    .where(and(inArray(affiliations.personId, personIds), onlyCurrent ? current : undefined))
    .orderBy(sql`${affiliations.startsOn} desc nulls last`, asc(affiliations.createdAt));
}

export async function searchPeople(
  db: Executor,
  query: PersonListQuery & { page: number; pageSize: number; terms: string[] },
) {
  const conds: SQL[] = [live];
  for (const term of query.terms) conds.push(sql`${people.searchKey} like ${`%${likeEscape(term)}%`}`);
  if (query.organisationId) {
    conds.push(
      sql`exists (select 1 from ${affiliations} where ${affiliations.personId} = ${people.id}
          and ${affiliations.organisationId} = ${query.organisationId} and ${current})`,
    );
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(people)
      .where(where)
      .orderBy(sql`lower(${people.lastName})`, sql`lower(${people.firstName})`, asc(people.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findSimilarPeople(db: Executor, key: string, email: string | null, excludeId?: string) {
  return db
    .select()
    .from(people)
    .where(
      and(
        live,
        excludeId ? sql`${people.id} <> ${excludeId}` : undefined,
        or(eq(people.matchKey, key), email ? eq(people.email, email) : undefined),
      ),
    )
    .limit(10);
}

// Imports: many rows at once.

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

/** The person and the duplicates merged into them: whose names an erasure removes everywhere. */
export async function namesOfPersonAndMerged(db: Executor, id: string) {
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(or(eq(people.id, id), eq(people.mergedIntoId, id)));
}

/**
 * Erasure (art. 17): names, contact, notes and keys blanked in the person's row and in the rows
 * of duplicates merged into them; the rows stay (every count that names them stays true).
 */
export async function blankPerson(db: Executor, id: string, today: string) {
  return db
    .update(people)
    .set({
      firstName: '',
      lastName: '',
      searchKey: '',
      matchKey: '',
      email: null,
      phone: null,
      language: null,
      notes: null,
      externalRef: null,
      erasedOn: today,
      version: sql`${people.version} + 1`,
      updatedAt: new Date(),
    })
    .where(or(eq(people.id, id), eq(people.mergedIntoId, id)))
    .returning({ id: people.id });
}
