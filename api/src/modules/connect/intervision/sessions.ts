import type {
  AttendanceBody,
  CreateSessionBody,
  GeneratedSessions,
  GenerateSessionsBody,
  Session,
  UpdateSessionBody,
} from '@smes/shared';
import { activeOn } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { intervisionSessions } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { todayInBrussels } from '../../../lib/dates.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { findOrganisation } from '../../directory/organisations/repository.js';
import { datesFromRule } from './date-rule.js';
import { toSessions } from './mapper.js';
import * as repo from './repository.js';

/** A group meets once a day at most: a second session on a date is refused, naming the date. */
async function assertDateFree(db: Executor, groupId: string, startsOn: string, sessionId?: string) {
  const taken = (await repo.sessionsOf(db, groupId)).some(
    (s) => s.startsOn === startsOn && s.id !== sessionId,
  );
  if (taken) {
    throw new ConflictError('The group already meets on this date', [{ field: 'startsOn', code: 'taken' }]);
  }
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
  await assertDateFree(ctx.db, input.groupId, input.startsOn);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSession(tx, {
      ...input,
      hostOrganisationId: input.hostOrganisationId ?? null,
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'intervision_session', resourceId: row.id });
    return (await toSessions(tx, [row]))[0]!;
  });
}

/**
 * Held, held by video, or cancelled — a cancellation needs its reason, and a session where
 * attendance was taken cannot be cancelled (clear the attendance first if it was a mistake).
 */
/** A session as it is now (for a 412), or undefined. */
async function currentSession(db: Executor, id: string): Promise<Session | undefined> {
  const row = await repo.findSession(db, id);
  return row && (await toSessions(db, [row]))[0];
}

/** What an update changes, without the confirmation that came with it. */
function fieldsOf({ confirmToCome: _asked, ...fields }: UpdateSessionBody) {
  return fields;
}

export async function updateSession({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateSessionBody;
}): Promise<Session> {
  assertCan(ctx.actor, 'intervision', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(tx, intervisionSessions, id, ifMatch, () => currentSession(tx, id), 'session');
    // Read and checked under the lock the claim took; only what was sent (and the cancel
    // reason that follows from the status) is written.
    const row = (await repo.findSession(tx, id))!;
    const status = input.status ?? row.status;
    const cancelReason =
      input.cancelReason === undefined ? row.cancelReason : input.cancelReason?.trim() || null;
    if (status === 'cancelled' && !cancelReason)
      throw new ValidationError([{ field: 'cancelReason', code: 'required' }]);
    if (status === 'cancelled' && row.status !== 'cancelled' && (await repo.attendanceOf(tx, [id])).length) {
      throw new ConflictError('Attendance was taken at this session', [
        { field: 'status', code: 'hasAttendance' },
      ]);
    }
    if (input.startsOn && input.startsOn !== row.startsOn)
      await assertDateFree(tx, row.groupId, input.startsOn, id);
    // Held counts in the figures: a day still to come (in Brussels) is held only when the
    // request says the person was asked (the SPA's question), whether the status or the date moves.
    const startsOn = input.startsOn ?? row.startsOn;
    const heldNow = (input.status === 'held' || input.status === 'held_video') && input.status !== row.status;
    const movedHeld = status !== 'planned' && status !== 'cancelled' && startsOn !== row.startsOn;
    if ((heldNow || movedHeld) && startsOn > todayInBrussels() && input.confirmToCome !== true) {
      throw new ConflictError('The session has not taken place yet', [
        { field: heldNow ? 'status' : 'startsOn', code: 'sessionToCome' },
      ]);
    }
    const statusChanged = input.status !== undefined || input.cancelReason !== undefined;
    const updated = await repo.updateSession(tx, id, {
      ...(input.startsOn ? { startsOn: input.startsOn } : {}),
      ...(input.hostOrganisationId !== undefined ? { hostOrganisationId: input.hostOrganisationId } : {}),
      ...(statusChanged ? { status, cancelReason: status === 'cancelled' ? cancelReason : null } : {}),
      revision: row.revision + 1,
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_session',
      resourceId: id,
      details: changedFields(fieldsOf(input)),
    });
    return (await toSessions(tx, [updated!]))[0]!;
  });
}

/**
 * Who was present: registrations of the session's group that count on the session's day
 * (`activeOn`: registered by then, not withdrawn before; not waiting). A planned session that gets attendance is held: the status
 * says so — on a day still to come only with `confirmToCome` (409 `sessionToCome` otherwise).
 */
export async function setAttendance({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  /** The session's version: its attendance is part of the session. */
  ifMatch: IfMatch;
  input: AttendanceBody;
}): Promise<Session> {
  assertCan(ctx.actor, 'intervision', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(tx, intervisionSessions, id, ifMatch, () => currentSession(tx, id), 'session');
    const session = (await repo.findSession(tx, id))!;
    if (session.status === 'cancelled' && input.registrationIds.length) {
      throw new ValidationError([{ field: 'registrationIds', code: 'notAllowed' }]);
    }
    const registrations = await repo.registrationsOf(tx, session.groupId);
    input.registrationIds.forEach((registrationId, i) => {
      const r = registrations.find((x) => x.id === registrationId);
      if (!r || r.status === 'waiting')
        throw new ValidationError([{ field: `registrationIds/${i}`, code: 'invalid' }]);
      if (!activeOn(r, session.startsOn)) {
        const code = r.registeredOn > session.startsOn ? 'registeredAfter' : 'withdrawnBefore';
        throw new ValidationError([{ field: `registrationIds/${i}`, code }]);
      }
    });
    // Attendance marks a planned session held, which counts in the figures: on a day still to
    // come, only after the question (decision 15), as a direct "held" would.
    const marksHeld = session.status === 'planned' && input.registrationIds.length > 0;
    if (marksHeld && session.startsOn > todayInBrussels() && input.confirmToCome !== true) {
      throw new ConflictError('The session has not taken place yet', [
        { field: 'status', code: 'sessionToCome' },
      ]);
    }
    await repo.setAttendance(tx, id, input.registrationIds);
    const row = marksHeld ? (await repo.updateSession(tx, id, { status: 'held' }))! : session;
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'intervision_attendance',
      resourceId: id,
      details: { present: input.registrationIds.length },
    });
    return (await toSessions(tx, [row]))[0]!;
  });
}

/** Plans a group's sessions from a rule; dates the group already meets on are left alone. */
export async function generateSessions({
  ctx,
  groupId,
  input,
}: {
  ctx: ServiceContext;
  groupId: string;
  input: GenerateSessionsBody;
}): Promise<GeneratedSessions> {
  assertCan(ctx.actor, 'intervision', 'create');
  const group = await repo.findGroup(ctx.db, groupId);
  if (!group) throw new NotFoundError('No such group');
  if (input.to < input.from) throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
  if (input.to.slice(0, 4) > String(Number(input.from.slice(0, 4)) + 1)) {
    throw new ValidationError([{ field: 'to', code: 'tooLarge' }]);
  }
  const dates = datesFromRule({ ...input, weekday: input.weekday ?? group.weekday });
  const existingIn = async (db: Executor) =>
    new Set((await repo.sessionsOf(db, groupId)).map((s) => s.startsOn));
  if (input.dryRun) {
    const existing = await existingIn(ctx.db);
    return { dates, skipped: dates.filter((d) => existing.has(d)), created: [] };
  }
  return ctx.db.transaction(async (tx) => {
    await repo.lockGroup(tx, groupId);
    const existing = await existingIn(tx);
    const skipped = dates.filter((d) => existing.has(d));
    const rows = [];
    for (const startsOn of dates.filter((d) => !existing.has(d))) {
      rows.push(await repo.insertSession(tx, { groupId, startsOn, hostOrganisationId: null }));
    }
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'intervision_session',
      resourceId: groupId,
      details: { generated: rows.length, rule: { ...input } },
    });
    return { dates, skipped, created: await toSessions(tx, rows) };
  });
}
