import { and, asc, count, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { GovernanceBody, MemberListQuery } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import {
  dues,
  governanceSeats,
  memberships,
  organisations,
  organisationSectors,
  people,
} from '../../../db/schema/index.js';
import { likeEscape } from '../../../lib/text.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type SeatRow = typeof governanceSeats.$inferSelect;
export type DuesRow = typeof dues.$inferSelect;
export interface HolderIds {
  organisationId: string | null;
  personId: string | null;
}

/** Periods that include `day` (ends_on is the last day, inclusive). */
const activeOn = (t: { startsOn: AnyPgColumn; endsOn: AnyPgColumn }, day: string) =>
  and(lte(t.startsOn, day), or(isNull(t.endsOn), gte(t.endsOn, day)))!;

const holderIs = (t: { organisationId: AnyPgColumn; personId: AnyPgColumn }, h: HolderIds) =>
  h.organisationId ? eq(t.organisationId, h.organisationId) : eq(t.personId, h.personId!);

export async function membershipOn(db: Executor, holder: HolderIds, day: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(holderIs(memberships, holder), activeOn(memberships, day)))
    .limit(1);
  return row;
}

export async function findMembership(db: Executor, id: string) {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  return row;
}

export async function insertMembership(db: Executor, input: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(input).returning();
  return row!;
}

export async function updateMembership(
  db: Executor,
  id: string,
  patch: Partial<typeof memberships.$inferInsert>,
) {
  const [row] = await db
    .update(memberships)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(memberships.id, id))
    .returning();
  return row;
}

const holderName = sql<string>`lower(coalesce(${organisations.nameFr}, ${organisations.nameNl}, ${people.lastName} || ' ' || ${people.firstName}))`;

export async function listMembersOn(
  db: Executor,
  query: MemberListQuery & { on: string; page: number; pageSize: number; terms: string[] },
) {
  const conds: SQL[] = [activeOn(memberships, query.on)];
  if (query.kind === 'organisation') conds.push(sql`${memberships.organisationId} is not null`);
  if (query.kind === 'person') conds.push(sql`${memberships.personId} is not null`);
  if (query.sectorId) {
    conds.push(
      sql`exists (select 1 from ${organisationSectors} where ${organisationSectors.organisationId} = ${memberships.organisationId} and ${organisationSectors.sectorId} = ${query.sectorId})`,
    );
  }
  for (const term of query.terms) {
    conds.push(
      sql`coalesce(${organisations.searchKey}, ${people.searchKey}) like ${`%${likeEscape(term)}%`}`,
    );
  }
  const where = and(...conds);
  const base = () =>
    db
      .select()
      .from(memberships)
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .leftJoin(people, eq(people.id, memberships.personId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(holderName, asc(memberships.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(memberships)
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .leftJoin(people, eq(people.id, memberships.personId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function organisationRefs(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organisations.id, nameFr: organisations.nameFr, nameNl: organisations.nameNl })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export async function personRefs(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(inArray(people.id, ids));
}

export async function seatsOn(db: Executor, body: GovernanceBody, day: string) {
  return db
    .select()
    .from(governanceSeats)
    .where(and(eq(governanceSeats.body, body), activeOn(governanceSeats, day)))
    .orderBy(asc(governanceSeats.startsOn));
}

export async function findSeat(db: Executor, id: string) {
  const [row] = await db.select().from(governanceSeats).where(eq(governanceSeats.id, id)).limit(1);
  return row;
}

export async function insertSeat(db: Executor, input: typeof governanceSeats.$inferInsert) {
  const [row] = await db.insert(governanceSeats).values(input).returning();
  return row!;
}

export async function updateSeat(
  db: Executor,
  id: string,
  patch: Partial<typeof governanceSeats.$inferInsert>,
) {
  const [row] = await db.update(governanceSeats).set(patch).where(eq(governanceSeats.id, id)).returning();
  return row;
}

export async function listDues(
  db: Executor,
  q: { year: number; status: 'all' | 'paid' | 'unpaid'; page: number; pageSize: number },
) {
  const conds: SQL[] = [eq(dues.year, q.year)];
  if (q.status === 'paid') conds.push(sql`${dues.paidOn} is not null`);
  if (q.status === 'unpaid') conds.push(isNull(dues.paidOn));
  const where = and(...conds);
  const [rows, [listed]] = await Promise.all([
    db
      .select()
      .from(dues)
      .leftJoin(organisations, eq(organisations.id, dues.organisationId))
      .leftJoin(people, eq(people.id, dues.personId))
      .where(where)
      .orderBy(holderName, asc(dues.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(dues).where(where),
  ]);
  return {
    rows,
    total: listed?.n ?? 0,
  };
}

export async function findDues(db: Executor, id: string) {
  const [row] = await db.select().from(dues).where(eq(dues.id, id)).limit(1);
  return row;
}

export async function findDuesFor(db: Executor, year: number, holder: HolderIds) {
  const [row] = await db
    .select()
    .from(dues)
    .where(and(eq(dues.year, year), holderIs(dues, holder)))
    .limit(1);
  return row;
}

export async function insertDues(db: Executor, input: typeof dues.$inferInsert) {
  const [row] = await db.insert(dues).values(input).returning();
  return row!;
}

export async function updateDues(db: Executor, id: string, patch: Partial<typeof dues.$inferInsert>) {
  const [row] = await db
    .update(dues)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(dues.id, id))
    .returning();
  return row;
}

/** Holders who were members on at least one day of the year. */
export async function membersDuringYear(db: Executor, year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return db
    .selectDistinct({ organisationId: memberships.organisationId, personId: memberships.personId })
    .from(memberships)
    .where(
      and(lte(memberships.startsOn, last), or(isNull(memberships.endsOn), gte(memberships.endsOn, first))),
    );
}

export async function duesHoldersOfYear(db: Executor, year: number): Promise<HolderIds[]> {
  return db
    .select({ organisationId: dues.organisationId, personId: dues.personId })
    .from(dues)
    .where(eq(dues.year, year));
}

export async function insertManyDues(db: Executor, rows: (typeof dues.$inferInsert)[]) {
  if (rows.length) await db.insert(dues).values(rows);
}

/** All membership periods of many holders, in one query. */
export async function periodsOf(db: Executor, holders: HolderIds[]) {
  const orgIds = holders.flatMap((h) => (h.organisationId ? [h.organisationId] : []));
  const personIds = holders.flatMap((h) => (h.personId ? [h.personId] : []));
  if (!orgIds.length && !personIds.length) return [];
  return db
    .select()
    .from(memberships)
    .where(
      or(
        orgIds.length ? inArray(memberships.organisationId, orgIds) : undefined,
        personIds.length ? inArray(memberships.personId, personIds) : undefined,
      ),
    );
}

/** The last year of dues held by the person (paid or not), or null: the accounting hold. */
export async function lastDueYearOf(db: Executor, personId: string): Promise<number | null> {
  const [row] = await db
    .select({ year: sql<number | null>`max(${dues.year})` })
    .from(dues)
    .where(eq(dues.personId, personId));
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

/** Dues paid between two days (both included): the association's money lines. */
export const duesPaidBetween = (db: Executor, from: string, to: string) =>
  db
    .select({
      id: dues.id,
      year: dues.year,
      paidOn: dues.paidOn,
      paidAmount: dues.paidAmount,
      organisationId: dues.organisationId,
    })
    .from(dues)
    .where(and(gte(dues.paidOn, from), lte(dues.paidOn, to)))
    .orderBy(asc(dues.paidOn), asc(dues.id));
