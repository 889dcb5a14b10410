import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { visibleRows } from '../../../db/scope.js';
import { organisations, supportSupervisionSessions, supportSupervisions } from '../../../db/schema/index.js';

export type SupervisionRow = typeof supportSupervisions.$inferSelect;
export type SessionRow = typeof supportSupervisionSessions.$inferSelect;

const S = supportSupervisions;
const X = supportSupervisionSessions;

// ---- supervisions

export async function insertSupervision(db: Executor, input: typeof S.$inferInsert) {
  const [row] = await db.insert(S).values(input).returning();
  return row!;
}

export async function findSupervision(db: Executor, id: string) {
  const [row] = await db.select().from(S).where(eq(S.id, id)).limit(1);
  return row;
}

export async function updateSupervision(db: Executor, id: string, patch: Partial<typeof S.$inferInsert>) {
  if (!Object.keys(patch).length) return findSupervision(db, id);
  const [row] = await db.update(S).set(patch).where(eq(S.id, id)).returning();
  return row;
}

/** Supervisions, the latest agreements first; `q` looks in the team's and the organisation's names. */
export async function listSupervisions(
  db: Executor,
  visible: Visibility,
  { q }: { q?: string | undefined },
  { page, pageSize }: { page: number; pageSize: number },
) {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL | undefined = and(
    visibleRows(visible),
    like
      ? or(ilike(S.team, like), ilike(organisations.nameFr, like), ilike(organisations.nameNl, like))
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ s: S })
      .from(S)
      .innerJoin(organisations, eq(organisations.id, S.organisationId))
      .where(where)
      .orderBy(sql`${S.startsOn} desc`, asc(S.team), asc(S.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(S)
      .innerJoin(organisations, eq(organisations.id, S.organisationId))
      .where(where),
  ]);
  return { items: items.map((r) => r.s), total: total?.n ?? 0 };
}

/** Every supervision (an import finds one by organisation, team and day). */
export const allSupervisions = (db: Executor) =>
  db.select({ id: S.id, organisationId: S.organisationId, team: S.team, startsOn: S.startsOn }).from(S);

// ---- sessions

export async function insertSession(db: Executor, input: typeof X.$inferInsert) {
  const [row] = await db.insert(X).values(input).returning();
  return row!;
}

export async function findSession(db: Executor, id: string) {
  const [row] = await db.select().from(X).where(eq(X.id, id)).limit(1);
  return row;
}

export async function updateSession(db: Executor, id: string, patch: Partial<typeof X.$inferInsert>) {
  if (!Object.keys(patch).length) return findSession(db, id);
  const [row] = await db.update(X).set(patch).where(eq(X.id, id)).returning();
  return row;
}

/** The sessions of these supervisions, in date order. */
export async function sessionsOf(db: Executor, supervisionIds: string[]) {
  if (!supervisionIds.length) return [];
  return db
    .select()
    .from(X)
    .where(inArray(X.supervisionId, supervisionIds))
    .orderBy(asc(X.startsOn), asc(X.id));
}

/** Whether the supervision already has a session that day (other than `except`). */
export async function dayTaken(db: Executor, supervisionId: string, startsOn: string, except?: string) {
  const rows = await db
    .select({ id: X.id })
    .from(X)
    .where(and(eq(X.supervisionId, supervisionId), eq(X.startsOn, startsOn)));
  return rows.some((r) => r.id !== except);
}

/** Supervision fees paid between two days (money lines). */
export async function feesPaidBetween(db: Executor, from: string, to: string) {
  return db
    .select({
      id: S.id,
      organisationId: S.organisationId,
      team: S.team,
      paidOn: S.paidOn,
      paidAmount: S.paidAmount,
    })
    .from(S)
    .where(sql`${S.paidOn} between ${from} and ${to}`)
    .orderBy(asc(S.paidOn), asc(S.id));
}
