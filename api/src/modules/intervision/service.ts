import type {
  CreateCycleBody,
  CreateGroupBody,
  CreateSessionBody,
  Cycle,
  CycleList,
  Group,
  GroupDetail,
  Session,
  UpdateSessionBody,
} from '@smes/shared';
import { assertCan } from '../../access/assert-can.js';
import type { Executor } from '../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { ServiceContext } from '../../types.js';
import { audit } from '../audit/service.js';
import { findOrganisation } from '../organisations/repository.js';
import { findPerson } from '../people/repository.js';
import { organisationRefs, personRefs } from '../membership/repository.js';
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

/**
 * A facilitator pair joins the social sector with mental health. The system says so when it
 * does not, and lets the coordinator decide.
 */
async function pairWarnings(db: Executor, facilitatorIds: string[]): Promise<string[]> {
  if (facilitatorIds.length !== 2) return facilitatorIds.length < 2 ? ['facilitatorPairIncomplete'] : [];
  const codes = await repo.currentSectorCodes(db, facilitatorIds);
  const isMental = (id: string) => codes.some((c) => c.personId === id && c.code === 'mental_health');
  const isOther = (id: string) => codes.some((c) => c.personId === id && c.code !== 'mental_health');
  const [a, b] = facilitatorIds as [string, string];
  const ok = (isMental(a) && isOther(b)) || (isMental(b) && isOther(a));
  return ok ? [] : ['facilitatorPairSectors'];
}

async function toGroup(db: Executor, row: repo.GroupRow): Promise<Group> {
  const [facilitators, counts, warnings] = await Promise.all([
    personRefs(db, row.facilitatorIds),
    repo.registrationCounts(db, [row.id]),
    pairWarnings(db, row.facilitatorIds),
  ]);
  const n = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  return {
    id: row.id,
    cycleId: row.cycleId,
    name: row.name,
    kind: row.kind,
    language: row.language,
    weekday: row.weekday,
    startTime: row.startTime,
    endTime: row.endTime,
    capacity: row.capacity,
    facilitators: row.facilitatorIds.map((id) => facilitators.find((f) => f.id === id)!).filter(Boolean),
    warnings,
    registered: n('registered'),
    waiting: n('waiting'),
  };
}

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
  for (const [i, id] of input.facilitatorIds.entries()) {
    if (!(await findPerson(ctx.db, id)))
      throw new ValidationError([{ field: `facilitatorIds/${i}`, code: 'invalid' }]);
  }
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

export async function getGroup({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<GroupDetail> {
  assertCan(ctx.actor, 'intervision', 'read');
  const row = await repo.findGroup(ctx.db, id);
  if (!row) throw new NotFoundError('No such group');
  const [group, sessions, registrations] = await Promise.all([
    toGroup(ctx.db, row),
    repo.sessionsOf(ctx.db, id).then((r) => toSessions(ctx.db, r)),
    repo.registrationsOf(ctx.db, id).then((r) => toRegistrations(ctx.db, r)),
  ]);
  return { group, sessions, registrations };
}

export async function createSession({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSessionBody;
}): Promise<Session> {
  assertCan(ctx.actor, 'intervision', 'create');
  if (!(await repo.findGroup(ctx.db, input.groupId)))
    throw new ValidationError([{ field: 'groupId', code: 'invalid' }]);
  if (input.hostOrganisationId && !(await findOrganisation(ctx.db, input.hostOrganisationId))) {
    throw new ValidationError([{ field: 'hostOrganisationId', code: 'invalid' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSession(tx, {
      ...input,
      hostOrganisationId: input.hostOrganisationId ?? null,
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'intervision_session', resourceId: row.id });
    return (await toSessions(tx, [row]))[0]!;
  });
}

/** Held, held by video, or cancelled — a cancellation needs its reason. */
export async function updateSession({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: UpdateSessionBody;
}): Promise<Session> {
  assertCan(ctx.actor, 'intervision', 'update');
  const row = await repo.findSession(ctx.db, id);
  if (!row) throw new NotFoundError('No such session');
  const status = input.status ?? row.status;
  const cancelReason =
    input.cancelReason === undefined ? row.cancelReason : input.cancelReason?.trim() || null;
  if (status === 'cancelled' && !cancelReason)
    throw new ValidationError([{ field: 'cancelReason', code: 'required' }]);
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updateSession(tx, id, {
      ...(input.startsOn ? { startsOn: input.startsOn } : {}),
      ...(input.hostOrganisationId !== undefined ? { hostOrganisationId: input.hostOrganisationId } : {}),
      status,
      cancelReason: status === 'cancelled' ? cancelReason : null,
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_session',
      resourceId: id,
      details: { ...input },
    });
    return (await toSessions(tx, [updated!]))[0]!;
  });
}

/** The group's sessions as an .ics file. */
export async function groupCalendarFile({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertCan(ctx.actor, 'intervision', 'read');
  const row = await repo.findGroup(ctx.db, id);
  if (!row) throw new NotFoundError('No such group');
  const sessions = await repo.sessionsOf(ctx.db, id);
  const hosts = await organisationRefs(
    ctx.db,
    sessions.flatMap((s) => (s.hostOrganisationId ? [s.hostOrganisationId] : [])),
  );
  const names = new Map(
    hosts.map((h) => [h.id, (row.language === 'nl' ? (h.nameNl ?? h.nameFr) : (h.nameFr ?? h.nameNl)) ?? '']),
  );
  return { name: row.name, ics: groupCalendar(row, sessions, names) };
}
