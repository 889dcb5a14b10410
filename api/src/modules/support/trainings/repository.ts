import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  organisationSectors,
  supportTrainingAttendance,
  supportTrainingEditions,
  supportTrainingModules,
  supportTrainingParticipants,
  supportTrainingSessions,
} from '../../../db/schema/index.js';

export type ModuleRow = typeof supportTrainingModules.$inferSelect;
export type EditionRow = typeof supportTrainingEditions.$inferSelect;
export type SessionRow = typeof supportTrainingSessions.$inferSelect;
export type ParticipantRow = typeof supportTrainingParticipants.$inferSelect;

const M = supportTrainingModules;
const E = supportTrainingEditions;
const S = supportTrainingSessions;
const P = supportTrainingParticipants;
const A = supportTrainingAttendance;

/** The modules with how many editions each has (counted apart: a subquery's columns lost their table). */
export async function listModules(db: Executor) {
  const modules = await db
    .select()
    .from(M)
    .orderBy(asc(sql`lower(${M.titleFr})`), asc(M.id));
  const counts = await db
    .select({ moduleId: E.moduleId, n: sql<number>`count(*)::int` })
    .from(E)
    .groupBy(E.moduleId);
  const editions = new Map(counts.map((c) => [c.moduleId, c.n]));
  return modules.map((module) => ({ module, editions: editions.get(module.id) ?? 0 }));
}

export async function findModule(db: Executor, id: string) {
  const [row] = await db.select().from(M).where(eq(M.id, id));
  return row;
}

export async function editionCount(db: Executor, moduleId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(E)
    .where(eq(E.moduleId, moduleId));
  return row?.n ?? 0;
}

export async function insertModule(db: Executor, values: typeof M.$inferInsert) {
  const [row] = await db.insert(M).values(values).returning();
  return row!;
}

export async function updateModule(db: Executor, id: string, values: Partial<typeof M.$inferInsert>) {
  if (Object.keys(values).length) await db.update(M).set(values).where(eq(M.id, id));
  return (await findModule(db, id))!;
}

/** Editions (of a module), those with a day in the period when one is given, by first day. */
export async function listEditions(db: Executor, where: { moduleId?: string; from?: string; to?: string }) {
  const days = db
    .select({ editionId: S.editionId })
    .from(S)
    .where(
      and(where.from ? gte(S.heldOn, where.from) : undefined, where.to ? lte(S.heldOn, where.to) : undefined),
    );
  return db
    .select()
    .from(E)
    .where(
      and(
        where.moduleId ? eq(E.moduleId, where.moduleId) : undefined,
        where.from || where.to ? inArray(E.id, days) : undefined,
      ),
    )
    .orderBy(
      sql`(select min(${S.heldOn}) from ${S} where ${S.editionId} = ${E.id}) desc nulls last`,
      asc(E.id),
    );
}

export async function findEdition(db: Executor, id: string) {
  const [row] = await db.select().from(E).where(eq(E.id, id));
  return row;
}

/** Locks the edition (capacity, attendance) until the transaction ends. */
export async function lockEdition(db: Executor, id: string) {
  const [row] = await db.select().from(E).where(eq(E.id, id)).for('update');
  return row;
}

export async function insertEdition(db: Executor, values: typeof E.$inferInsert) {
  const [row] = await db.insert(E).values(values).returning();
  return row!;
}

export async function updateEdition(db: Executor, id: string, values: Partial<typeof E.$inferInsert>) {
  if (Object.keys(values).length) await db.update(E).set(values).where(eq(E.id, id));
  return (await findEdition(db, id))!;
}

export async function sessionsOf(db: Executor, editionIds: string[]) {
  if (!editionIds.length) return [];
  return db.select().from(S).where(inArray(S.editionId, editionIds)).orderBy(asc(S.heldOn));
}

export async function insertSessions(db: Executor, editionId: string, days: string[]) {
  if (!days.length) return;
  await db.insert(S).values(days.map((heldOn) => ({ editionId, heldOn })));
}

export async function deleteSessions(db: Executor, ids: string[]) {
  if (ids.length) await db.delete(S).where(inArray(S.id, ids));
}

/** Sessions (of those given) with someone marked present. */
export async function sessionsWithAttendance(db: Executor, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  const rows = await db
    .selectDistinct({ sessionId: A.sessionId })
    .from(A)
    .where(inArray(A.sessionId, sessionIds));
  return rows.map((r) => r.sessionId);
}

export async function participantsOf(db: Executor, editionIds: string[]) {
  if (!editionIds.length) return [];
  return db
    .select()
    .from(P)
    .where(inArray(P.editionId, editionIds))
    .orderBy(asc(P.registeredOn), asc(P.createdAt), asc(P.id));
}

export async function participantCounts(db: Executor, editionIds: string[]) {
  if (!editionIds.length) return new Map<string, number>();
  const rows = await db
    .select({ editionId: P.editionId, n: sql<number>`count(*)::int` })
    .from(P)
    .where(inArray(P.editionId, editionIds))
    .groupBy(P.editionId);
  return new Map(rows.map((r) => [r.editionId, r.n]));
}

export async function findParticipant(db: Executor, id: string) {
  const [row] = await db.select().from(P).where(eq(P.id, id));
  return row;
}

export async function participantOf(db: Executor, editionId: string, personId: string) {
  const [row] = await db
    .select({ id: P.id })
    .from(P)
    .where(and(eq(P.editionId, editionId), eq(P.personId, personId)));
  return row;
}

export async function insertParticipant(db: Executor, values: typeof P.$inferInsert) {
  const [row] = await db.insert(P).values(values).returning();
  return row!;
}

export async function updateParticipant(db: Executor, id: string, values: Partial<typeof P.$inferInsert>) {
  if (Object.keys(values).length) await db.update(P).set(values).where(eq(P.id, id));
  return (await findParticipant(db, id))!;
}

export async function deleteParticipant(db: Executor, id: string) {
  await db.delete(P).where(eq(P.id, id));
}

export async function attendanceOf(db: Executor, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return db.select().from(A).where(inArray(A.sessionId, sessionIds));
}

export async function participantHasAttendance(db: Executor, participantId: string) {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(A)
    .where(eq(A.participantId, participantId))
    .limit(1);
  return row !== undefined;
}

/** Marks a participant present at the sessions given (those already marked stay). */
export async function addAttendance(db: Executor, participantId: string, sessionIds: string[]) {
  if (sessionIds.length)
    await db
      .insert(A)
      .values(sessionIds.map((sessionId) => ({ sessionId, participantId })))
      .onConflictDoNothing();
}

/** Sets who was present at a session: the listed participants, no one else. */
export async function replaceAttendance(db: Executor, sessionId: string, participantIds: string[]) {
  await db.delete(A).where(eq(A.sessionId, sessionId));
  if (participantIds.length)
    await db.insert(A).values(participantIds.map((participantId) => ({ sessionId, participantId })));
}

/** The organisation's sectors today: what a participant keeps with their registration. */
export async function sectorsOf(db: Executor, organisationId: string) {
  const rows = await db
    .select({ sectorId: organisationSectors.sectorId })
    .from(organisationSectors)
    .where(eq(organisationSectors.organisationId, organisationId))
    .orderBy(asc(organisationSectors.sectorId));
  return rows.map((r) => r.sectorId);
}

/** The fees paid in a period (money lines): each payment with its module's titles. */
export const feesPaidBetween = (db: Executor, from: string, to: string) =>
  db
    .select({
      id: P.id,
      paidOn: P.paidOn,
      paidAmount: P.paidAmount,
      organisationId: P.organisationId,
      titleFr: M.titleFr,
      titleNl: M.titleNl,
    })
    .from(P)
    .innerJoin(E, eq(E.id, P.editionId))
    .innerJoin(M, eq(M.id, E.moduleId))
    .where(and(gte(P.paidOn, from), lte(P.paidOn, to)))
    .orderBy(asc(P.paidOn), asc(P.id));
