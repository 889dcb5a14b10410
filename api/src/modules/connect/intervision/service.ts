import {
  hostLocation,
  type CreateCycleBody,
  type CreateGroupBody,
  type Cycle,
  type CycleList,
  type CycleSchedule,
  type Group,
  type GroupDetail,
  type GroupList,
  type UpdateCycleBody,
  type UpdateGroupBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { intervisionCycles, intervisionGroups } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { findPerson } from '../../directory/people/repository.js';
import { personRefs } from '../../association/membership/repository.js';
import { addressesOf } from '../../directory/organisations/repository.js';
import { groupCalendar } from './calendar.js';
import { toCycle, toRegistrations, toSessions } from './mapper.js';
import * as repo from './repository.js';

export async function listCycles({ ctx }: { ctx: ServiceContext }): Promise<CycleList> {
  assertCan(ctx.actor, 'intervision', 'read');
  return { items: (await repo.listCycles(ctx.db)).map(toCycle) };
}

export async function createCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateCycleBody;
}): Promise<Cycle> {
  assertCan(ctx.actor, 'intervision', 'create');
  if (input.endsOn <= input.startsOn) throw new ValidationError([{ field: 'endsOn', code: 'tooSmall' }]);
  if (await repo.cycleNameTaken(ctx.db, input.name.trim())) {
    throw new ConflictError('A cycle has this name', [{ field: 'name', code: 'taken' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCycle(tx, { ...input, name: input.name.trim() });
    await audit(tx, ctx, { action: 'create', resourceType: 'intervision_cycle', resourceId: row.id });
    return toCycle(row);
  });
}

async function assertPeopleExist(db: Executor, facilitatorIds: string[]) {
  for (const [i, id] of facilitatorIds.entries()) {
    if (!(await findPerson(db, id)))
      throw new ValidationError([{ field: `facilitatorIds/${i}`, code: 'invalid' }]);
  }
}

/** Corrects a cycle; registrations keep the fee fixed when they were made. */
export async function updateCycle({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateCycleBody;
}): Promise<Cycle> {
  assertCan(ctx.actor, 'intervision', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(
      tx,
      intervisionCycles,
      id,
      ifMatch,
      async () => {
        const now = await repo.findCycle(tx, id);
        return now && toCycle(now);
      },
      'cycle',
    );
    const row = (await repo.findCycle(tx, id))!;
    const name = input.name?.trim();
    if ((input.endsOn ?? row.endsOn) <= (input.startsOn ?? row.startsOn)) {
      throw new ValidationError([{ field: 'endsOn', code: 'tooSmall' }]);
    }
    if (name && (await repo.cycleNameTaken(tx, name, id))) {
      throw new ConflictError('A cycle has this name', [{ field: 'name', code: 'taken' }]);
    }
    const updated = await repo.updateCycle(tx, id, { ...input, ...(name ? { name } : {}) });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_cycle',
      resourceId: id,
      details: changedFields(input),
    });
    return toCycle(updated);
  });
}

type SectorCode = { personId: string; code: string | null };

/**
 * A facilitator pair joins the social sector with mental health. The system says so when it
 * does not, and lets the coordinator decide.
 */
function pairWarnings(facilitatorIds: string[], codes: SectorCode[]): string[] {
  if (facilitatorIds.length !== 2) return facilitatorIds.length < 2 ? ['facilitatorPairIncomplete'] : [];
  const isMental = (id: string) => codes.some((c) => c.personId === id && c.code === 'mental_health');
  const isOther = (id: string) => codes.some((c) => c.personId === id && c.code !== 'mental_health');
  const [a, b] = facilitatorIds as [string, string];
  const ok = (isMental(a) && isOther(b)) || (isMental(b) && isOther(a));
  return ok ? [] : ['facilitatorPairSectors'];
}

/** Groups as the API shows them: three statements however many groups there are. */
async function toGroups(db: Executor, rows: repo.GroupRow[]): Promise<Group[]> {
  const facilitatorIds = [...new Set(rows.flatMap((r) => r.facilitatorIds))];
  const [facilitators, counts, codes] = await Promise.all([
    personRefs(db, facilitatorIds),
    repo.registrationCounts(
      db,
      rows.map((r) => r.id),
    ),
    repo.currentSectorCodes(db, facilitatorIds),
  ]);
  const facilitator = new Map(facilitators.map((f) => [f.id, f]));
  return rows.map((row) => {
    const n = (status: string) => counts.find((c) => c.groupId === row.id && c.status === status)?.n ?? 0;
    return {
      id: row.id,
      version: row.version,
      cycleId: row.cycleId,
      name: row.name,
      kind: row.kind,
      language: row.language,
      weekday: row.weekday,
      startTime: row.startTime,
      endTime: row.endTime,
      capacity: row.capacity,
      facilitators: row.facilitatorIds.flatMap((id) => facilitator.get(id) ?? []),
      warnings: pairWarnings(
        row.facilitatorIds,
        codes.filter((c) => row.facilitatorIds.includes(c.personId)),
      ),
      registered: n('registered'),
      waiting: n('waiting'),
    };
  });
}

const toGroup = async (db: Executor, row: repo.GroupRow): Promise<Group> => (await toGroups(db, [row]))[0]!;

export async function createGroup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateGroupBody;
}): Promise<Group> {
  assertCan(ctx.actor, 'intervision', 'create');
  if (!(await repo.findCycle(ctx.db, input.cycleId)))
    throw new ValidationError([{ field: 'cycleId', code: 'invalid' }]);
  if (input.endTime <= input.startTime) throw new ValidationError([{ field: 'endTime', code: 'tooSmall' }]);
  await assertPeopleExist(ctx.db, input.facilitatorIds);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertGroup(tx, {
      ...input,
      name: input.name.trim(),
      capacity: input.capacity ?? 10,
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'intervision_group', resourceId: row.id });
    return toGroup(tx, row);
  });
}

/** Corrects a group. A smaller capacity removes no one: it only stops later registrations. */
export async function updateGroup({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateGroupBody;
}): Promise<Group> {
  assertCan(ctx.actor, 'intervision', 'update');
  await assertPeopleExist(ctx.db, input.facilitatorIds ?? []);
  return ctx.db.transaction(async (tx) => {
    await claimVersion(
      tx,
      intervisionGroups,
      id,
      ifMatch,
      async () => {
        const now = await repo.findGroup(tx, id);
        return now && toGroup(tx, now);
      },
      'group',
    );
    // Read under the lock the claim took: the hours checked and the revision are this version's.
    const row = (await repo.findGroup(tx, id))!;
    if ((input.endTime ?? row.endTime) <= (input.startTime ?? row.startTime)) {
      throw new ValidationError([{ field: 'endTime', code: 'tooSmall' }]);
    }
    const updated = await repo.updateGroup(tx, id, {
      ...input,
      ...(input.name ? { name: input.name.trim() } : {}),
      revision: row.revision + 1,
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_group',
      resourceId: id,
      details: changedFields(input),
    });
    return toGroup(tx, updated);
  });
}

export async function getGroup({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<GroupDetail> {
  assertCan(ctx.actor, 'intervision', 'read');
  const row = await repo.findGroup(ctx.db, id);
  if (!row) throw new NotFoundError('No such group');
  const [group, sessions, registrations] = await Promise.all([
    toGroup(ctx.db, row),
    repo.sessionsOf(ctx.db, id).then((r) => toSessions(ctx.db, r)),
    repo.registrationsOf(ctx.db, id).then((r) => toRegistrations(ctx.db, r)),
  ]);
  // Each participant hosts in turn: who has not yet (a cancelled session does not count).
  const hosted = new Set(sessions.filter((s) => s.status !== 'cancelled').map((s) => s.host?.id));
  const hostsPending = registrations
    .filter((r) => r.status === 'registered' && !hosted.has(r.organisation.id))
    .map((r) => r.organisation);
  return { group, sessions, registrations, hostsPending };
}

/** The hosts of these sessions with their addresses. */
function hostsOf(db: Executor, sessions: repo.SessionRow[]) {
  return addressesOf(db, [
    ...new Set(sessions.flatMap((s) => (s.hostOrganisationId ? [s.hostOrganisationId] : []))),
  ]);
}

/** Where each host is, in the group's language, for calendars' LOCATION. */
async function hostLocations(db: Executor, sessions: repo.SessionRow[], language: 'fr' | 'nl') {
  return new Map((await hostsOf(db, sessions)).map((h) => [h.id, hostLocation(h, language)]));
}

/** The group's sessions as an .ics file. */
export async function groupCalendarFile({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertCan(ctx.actor, 'intervision', 'read');
  const group = await repo.findGroup(ctx.db, id);
  if (!group) throw new NotFoundError('No such group');
  const sessions = await repo.sessionsOf(ctx.db, id);
  const names = await hostLocations(ctx.db, sessions, group.language);
  return {
    name: group.name,
    ics: groupCalendar(
      group.name,
      sessions.map((session) => ({ group, session })),
      names,
    ),
  };
}

/**
 * A participant's calendar: the sessions of every group the person takes part in (the
 * registration given and the person's other active ones), to send to them.
 */
export async function participantCalendarFile({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertCan(ctx.actor, 'intervision', 'read');
  const registration = await repo.findRegistration(ctx.db, id);
  if (!registration) throw new NotFoundError('No such registration');
  const rows = registration.personId
    ? await repo.activeRegistrationsOfPerson(ctx.db, registration.personId)
    : [];
  const groups = new Map(rows.map((r) => [r.group.id, r.group]));
  const own = await repo.findGroup(ctx.db, registration.groupId);
  groups.set(own!.id, own!);
  const sessions = await repo.sessionsOfGroups(ctx.db, [...groups.keys()]);
  const [person] = registration.personId ? await personRefs(ctx.db, [registration.personId]) : [];
  const name = person ? `Intervision ${person.firstName} ${person.lastName}` : own!.name;
  const names = await hostLocations(ctx.db, sessions, own!.language);
  return {
    name,
    ics: groupCalendar(
      name,
      sessions.map((session) => ({ group: groups.get(session.groupId)!, session })),
      names,
    ),
    // What the file tells about the person (decision 21): their name and the groups they take
    // part in, i.e. their registrations.
    names: {
      person: registration.personId ? [registration.personId] : [],
      registrations: [registration.id, ...rows.map((r) => r.registration.id)],
    },
  };
}

export async function getCycle({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Cycle> {
  assertCan(ctx.actor, 'intervision', 'read');
  const row = await repo.findCycle(ctx.db, id);
  if (!row) throw new NotFoundError('No such cycle');
  return toCycle(row);
}

export async function listGroups({
  ctx,
  cycleId,
}: {
  ctx: ServiceContext;
  cycleId: string;
}): Promise<GroupList> {
  assertCan(ctx.actor, 'intervision', 'read');
  const rows = await repo.groupsOfCycle(ctx.db, cycleId);
  return { items: await toGroups(ctx.db, rows) };
}

/** Every group of the cycle with its sessions: the printable bilingual schedule. */
export async function cycleSchedule({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<CycleSchedule> {
  assertCan(ctx.actor, 'intervision', 'read');
  const cycle = await repo.findCycle(ctx.db, id);
  if (!cycle) throw new NotFoundError('No such cycle');
  const rows = await repo.groupsOfCycle(ctx.db, id);
  const sessionRows = await repo.sessionsOfGroups(
    ctx.db,
    rows.map((r) => r.id),
  );
  const [groups, sessions, hosts] = await Promise.all([
    toGroups(ctx.db, rows),
    toSessions(ctx.db, sessionRows),
    hostsOf(ctx.db, sessionRows),
  ]);
  return {
    cycle: toCycle(cycle),
    groups: groups.map((group) => ({ group, sessions: sessions.filter((s) => s.groupId === group.id) })),
    hosts,
  };
}
