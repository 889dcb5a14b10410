import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Visibility } from '../../../access/scope.js';
import { affectedRows, type Executor } from '../../../db/client.js';
import type { MergeLink } from '../../../db/merge-links.js';
import { visibleRows } from '../../../db/scope.js';
import {
  intervisionAttendance,
  intervisionCycles,
  intervisionGroups,
  intervisionRegistrations,
  intervisionSessions,
  organisationSectors,
  affiliations,
  referenceItems,
} from '../../../db/schema/index.js';

export type CycleRow = typeof intervisionCycles.$inferSelect;
export type GroupRow = typeof intervisionGroups.$inferSelect;
export type SessionRow = typeof intervisionSessions.$inferSelect;
export type RegistrationRow = typeof intervisionRegistrations.$inferSelect;

export const listCycles = (db: Executor) =>
  db.select().from(intervisionCycles).orderBy(asc(intervisionCycles.startsOn));

export async function findCycle(db: Executor, id: string) {
  const [row] = await db.select().from(intervisionCycles).where(eq(intervisionCycles.id, id)).limit(1);
  return row;
}

export async function cycleNameTaken(db: Executor, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: intervisionCycles.id })
    .from(intervisionCycles)
    .where(and(eq(intervisionCycles.name, name), exceptId ? ne(intervisionCycles.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

export async function insertCycle(db: Executor, input: typeof intervisionCycles.$inferInsert) {
  const [row] = await db.insert(intervisionCycles).values(input).returning();
  return row!;
}

export async function updateCycle(
  db: Executor,
  id: string,
  patch: Partial<typeof intervisionCycles.$inferInsert>,
) {
  const [row] = await db.update(intervisionCycles).set(patch).where(eq(intervisionCycles.id, id)).returning();
  return row!;
}

export async function updateGroup(
  db: Executor,
  id: string,
  patch: Partial<typeof intervisionGroups.$inferInsert>,
) {
  const [row] = await db.update(intervisionGroups).set(patch).where(eq(intervisionGroups.id, id)).returning();
  return row!;
}

export async function findGroup(db: Executor, id: string) {
  const [row] = await db.select().from(intervisionGroups).where(eq(intervisionGroups.id, id)).limit(1);
  return row;
}

/**
 * Locks a group's row until the transaction ends and reads it as it is then: registrations to one
 * group happen one after another, so two at once cannot both take its last place, and a capacity
 * corrected meanwhile is the one counted.
 */
export async function lockGroup(db: Executor, id: string) {
  const [row] = await db.select().from(intervisionGroups).where(eq(intervisionGroups.id, id)).for('update');
  return row!;
}

export async function insertGroup(db: Executor, input: typeof intervisionGroups.$inferInsert) {
  const [row] = await db.insert(intervisionGroups).values(input).returning();
  return row!;
}

export async function registrationCounts(db: Executor, groupIds: string[]) {
  if (!groupIds.length) return [];
  return db
    .select({
      groupId: intervisionRegistrations.groupId,
      status: intervisionRegistrations.status,
      n: count(),
    })
    .from(intervisionRegistrations)
    .where(inArray(intervisionRegistrations.groupId, groupIds))
    .groupBy(intervisionRegistrations.groupId, intervisionRegistrations.status);
}

/** Sector codes of the organisations people currently work for, for the facilitator pair check. */
export async function currentSectorCodes(db: Executor, personIds: string[]) {
  if (!personIds.length) return [];
  return db
    .selectDistinct({ personId: affiliations.personId, code: referenceItems.code })
    .from(affiliations)
    .innerJoin(organisationSectors, eq(organisationSectors.organisationId, affiliations.organisationId))
    .innerJoin(referenceItems, eq(referenceItems.id, organisationSectors.sectorId))
    .where(
      and(
        inArray(affiliations.personId, personIds),
        sql`(${affiliations.endsOn} is null or ${affiliations.endsOn} >= current_date)`,
      ),
    );
}

export const sessionsOf = (db: Executor, groupId: string) =>
  db
    .select()
    .from(intervisionSessions)
    .where(eq(intervisionSessions.groupId, groupId))
    .orderBy(asc(intervisionSessions.startsOn));

export async function findSession(db: Executor, id: string) {
  const [row] = await db.select().from(intervisionSessions).where(eq(intervisionSessions.id, id)).limit(1);
  return row;
}

export async function insertSession(db: Executor, input: typeof intervisionSessions.$inferInsert) {
  const [row] = await db.insert(intervisionSessions).values(input).returning();
  return row!;
}

export async function updateSession(
  db: Executor,
  id: string,
  patch: Partial<typeof intervisionSessions.$inferInsert>,
) {
  const [row] = await db
    .update(intervisionSessions)
    .set(patch)
    .where(eq(intervisionSessions.id, id))
    .returning();
  return row;
}

export const registrationsOf = (db: Executor, groupId: string) =>
  db
    .select()
    .from(intervisionRegistrations)
    .where(eq(intervisionRegistrations.groupId, groupId))
    .orderBy(asc(intervisionRegistrations.createdAt));

export async function activeRegistrationOfOrganisation(
  db: Executor,
  groupId: string,
  organisationId: string,
) {
  const [row] = await db
    .select()
    .from(intervisionRegistrations)
    .where(
      and(
        eq(intervisionRegistrations.groupId, groupId),
        eq(intervisionRegistrations.organisationId, organisationId),
        ne(intervisionRegistrations.status, 'withdrawn'),
      ),
    )
    .limit(1);
  return row;
}

export async function findRegistration(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(intervisionRegistrations)
    .where(eq(intervisionRegistrations.id, id))
    .limit(1);
  return row;
}

export async function insertRegistration(db: Executor, input: typeof intervisionRegistrations.$inferInsert) {
  const [row] = await db.insert(intervisionRegistrations).values(input).returning();
  return row!;
}

export async function updateRegistration(
  db: Executor,
  id: string,
  patch: Partial<typeof intervisionRegistrations.$inferInsert>,
) {
  const [row] = await db
    .update(intervisionRegistrations)
    .set(patch)
    .where(eq(intervisionRegistrations.id, id))
    .returning();
  return row;
}

/**
 * A cycle's registrations; `unpaid`: the fees owed and not paid, those of the participants as
 * the figures count them (registered, or withdrawn after attending a session).
 */
export async function registrationsOfCycle(
  db: Executor,
  cycleId: string,
  unpaid: boolean,
  visible?: Visibility,
) {
  return db
    .select({ registration: intervisionRegistrations })
    .from(intervisionRegistrations)
    .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionRegistrations.groupId))
    .where(
      and(
        eq(intervisionGroups.cycleId, cycleId),
        visible && visibleRows(visible),
        unpaid
          ? and(
              isNull(intervisionRegistrations.paidOn),
              or(
                eq(intervisionRegistrations.status, 'registered'),
                and(
                  eq(intervisionRegistrations.status, 'withdrawn'),
                  sql`exists (select 1 from ${intervisionAttendance} where ${intervisionAttendance.registrationId} = ${intervisionRegistrations.id})`,
                ),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(intervisionGroups.name), asc(intervisionRegistrations.createdAt));
}

export const groupsOfCycle = (db: Executor, cycleId: string) =>
  db
    .select()
    .from(intervisionGroups)
    .where(eq(intervisionGroups.cycleId, cycleId))
    .orderBy(asc(intervisionGroups.language), asc(intervisionGroups.weekday), asc(intervisionGroups.name));

export const sessionsOfGroups = (db: Executor, groupIds: string[]) =>
  groupIds.length
    ? db
        .select()
        .from(intervisionSessions)
        .where(inArray(intervisionSessions.groupId, groupIds))
        .orderBy(asc(intervisionSessions.startsOn))
    : Promise.resolve([]);

export const attendanceOf = (db: Executor, sessionIds: string[]) =>
  sessionIds.length
    ? db.select().from(intervisionAttendance).where(inArray(intervisionAttendance.sessionId, sessionIds))
    : Promise.resolve([]);

/** Replaces a session's attendance with the registrations given. */
export async function setAttendance(db: Executor, sessionId: string, registrationIds: string[]) {
  await db.delete(intervisionAttendance).where(eq(intervisionAttendance.sessionId, sessionId));
  if (registrationIds.length) {
    await db
      .insert(intervisionAttendance)
      .values(registrationIds.map((registrationId) => ({ sessionId, registrationId })));
  }
}

/**
 * Groups where both organisations have a worker (registered or waiting): merging them would
 * break the one-worker-per-organisation rule, so the coordinator withdraws one first.
 */
export async function groupsSharedByOrganisations(db: Executor, a: string, b: string) {
  const active = (organisationId: string) =>
    db
      .select({ groupId: intervisionRegistrations.groupId })
      .from(intervisionRegistrations)
      .where(
        and(
          eq(intervisionRegistrations.organisationId, organisationId),
          ne(intervisionRegistrations.status, 'withdrawn'),
        ),
      );
  const [ofA, ofB] = await Promise.all([active(a), active(b)]);
  const inB = new Set(ofB.map((r) => r.groupId));
  return [...new Set(ofA.map((r) => r.groupId).filter((id) => inB.has(id)))];
}

/**
 * Facilitator pairs are kept as an array of ids (no foreign key): a merge replaces the duplicate
 * in place, and a pair that held both records now holds the kept one once.
 */
export const facilitatorsLink: MergeLink = {
  kind: 'intervision_group',
  name: 'facilitators',
  column: null,
  async count(db, id) {
    const [row] = await db
      .select({ n: count() })
      .from(intervisionGroups)
      .where(sql`${id}::uuid = any(${intervisionGroups.facilitatorIds})`);
    return row?.n ?? 0;
  },
  async move(db, fromId, toId) {
    return affectedRows(
      await db.execute(
        sql`update ${intervisionGroups} set facilitator_ids = case when ${toId}::uuid = any(facilitator_ids)
              then array_remove(facilitator_ids, ${fromId}::uuid)
              else array_replace(facilitator_ids, ${fromId}::uuid, ${toId}::uuid) end
            where ${fromId}::uuid = any(facilitator_ids)`,
      ),
    );
  },
};

/** A person's places in groups (not the waiting list), with the groups: a participant's calendar. */
export const activeRegistrationsOfPerson = (db: Executor, personId: string) =>
  db
    .select({ registration: intervisionRegistrations, group: intervisionGroups })
    .from(intervisionRegistrations)
    .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionRegistrations.groupId))
    .where(
      and(eq(intervisionRegistrations.personId, personId), eq(intervisionRegistrations.status, 'registered')),
    );

export const registrationsOfGroups = (db: Executor, groupIds: string[]) =>
  groupIds.length
    ? db
        .select()
        .from(intervisionRegistrations)
        .where(inArray(intervisionRegistrations.groupId, groupIds))
        .orderBy(asc(intervisionRegistrations.createdAt))
    : Promise.resolve([]);

export const groupsById = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(intervisionGroups)
        .where(inArray(intervisionGroups.id, ids))
        .orderBy(asc(intervisionGroups.language), asc(intervisionGroups.weekday), asc(intervisionGroups.name))
    : Promise.resolve([]);

export const groupNames = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .select({ id: intervisionGroups.id, name: intervisionGroups.name })
        .from(intervisionGroups)
        .where(inArray(intervisionGroups.id, ids))
    : Promise.resolve([]);

export const sessionsBetween = (db: Executor, from: string, to: string) =>
  db
    .select()
    .from(intervisionSessions)
    .where(and(gte(intervisionSessions.startsOn, from), lte(intervisionSessions.startsOn, to)))
    .orderBy(asc(intervisionSessions.startsOn));

/** Planned sessions from a day on, soonest first (the home page's next sessions). */
export const plannedSessionsFrom = (db: Executor, from: string, limit: number) =>
  db
    .select()
    .from(intervisionSessions)
    .where(and(eq(intervisionSessions.status, 'planned'), gte(intervisionSessions.startsOn, from)))
    .orderBy(asc(intervisionSessions.startsOn), asc(intervisionSessions.id))
    .limit(limit);

/** Registrations made, or paid, between two days: a period's fees. */
export const registrationsMadeOrPaidBetween = (db: Executor, from: string, to: string) =>
  db
    .select()
    .from(intervisionRegistrations)
    .where(
      or(
        and(gte(intervisionRegistrations.registeredOn, from), lte(intervisionRegistrations.registeredOn, to)),
        and(gte(intervisionRegistrations.paidOn, from), lte(intervisionRegistrations.paidOn, to)),
      ),
    )
    .orderBy(asc(intervisionRegistrations.createdAt));

export const attendanceOfRegistrations = (db: Executor, registrationIds: string[]) =>
  registrationIds.length
    ? db
        .select()
        .from(intervisionAttendance)
        .where(inArray(intervisionAttendance.registrationId, registrationIds))
    : Promise.resolve([]);

/** The groups of cycles that ended before `cutoff`, with their cycle (for the retention policy). */
export function groupsOfCyclesEndedBefore(db: Executor, cutoff: string) {
  return db
    .select({ cycleId: intervisionCycles.id, name: intervisionCycles.name, groupId: intervisionGroups.id })
    .from(intervisionCycles)
    .innerJoin(intervisionGroups, eq(intervisionGroups.cycleId, intervisionCycles.id))
    .where(lt(intervisionCycles.endsOn, cutoff));
}

/**
 * Removes the participant (and the payment reference, which often carries the payer's name)
 * from the groups' registrations that still have one; returns the groups of those changed.
 */
export async function removeParticipants(db: Executor, groupIds: string[], today: string) {
  if (!groupIds.length) return [];
  return db
    .update(intervisionRegistrations)
    .set({ personId: null, paymentReference: null, anonymisedOn: today })
    .where(
      and(inArray(intervisionRegistrations.groupId, groupIds), isNotNull(intervisionRegistrations.personId)),
    )
    .returning({ groupId: intervisionRegistrations.groupId });
}

/** The last day of the latest cycle the person is registered in (not withdrawn), or null. */
export async function lastCycleEndOf(db: Executor, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ endsOn: sql<string | null>`max(${intervisionCycles.endsOn})::text` })
    .from(intervisionRegistrations)
    .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionRegistrations.groupId))
    .innerJoin(intervisionCycles, eq(intervisionCycles.id, intervisionGroups.cycleId))
    .where(
      and(eq(intervisionRegistrations.personId, personId), ne(intervisionRegistrations.status, 'withdrawn')),
    );
  return row?.endsOn ?? null;
}

/** Fees paid between two days (both included), with their cycle: intervision's money lines. */
export const feesPaidBetween = (db: Executor, from: string, to: string) =>
  db
    .select({
      id: intervisionRegistrations.id,
      paidOn: intervisionRegistrations.paidOn,
      paidAmount: intervisionRegistrations.paidAmount,
      organisationId: intervisionRegistrations.organisationId,
      cycleName: intervisionCycles.name,
    })
    .from(intervisionRegistrations)
    .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionRegistrations.groupId))
    .innerJoin(intervisionCycles, eq(intervisionCycles.id, intervisionGroups.cycleId))
    .where(and(gte(intervisionRegistrations.paidOn, from), lte(intervisionRegistrations.paidOn, to)))
    .orderBy(asc(intervisionRegistrations.paidOn), asc(intervisionRegistrations.id));
