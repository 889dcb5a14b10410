import {
  normaliseAmount,
  type CreateSupervisionBody,
  type CreateSupervisionSessionBody,
  type Supervision,
  type SupervisionList,
  type SupervisionQuery,
  type SupervisionSession,
  type SupervisionSummary,
  type UpdateSupervisionBody,
  type UpdateSupervisionSessionBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { supportSupervisionSessions, supportSupervisions } from '../../../db/schema/index.js';
import { claimRow, type IfMatch } from '../../../db/versions.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { organisationRefs } from '../../association/membership/repository.js';
import { findOrganisation } from '../../directory/organisations/repository.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { paymentOf, paymentValues } from '../../platform/payments/payment.js';
import { staff } from '../requests/repository.js';
import * as repo from './repository.js';

const clean = (s: string | null | undefined) => (s === null || s === undefined ? null : s.trim() || null);

async function toSessions(db: Executor, rows: repo.SessionRow[]): Promise<SupervisionSession[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.firstWorkerId, r.secondWorkerId]))];
  const names = new Map((await staff(db, ids)).map((s) => [s.id, s]));
  const ref = (id: string) => names.get(id) ?? { id, displayName: '' };
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    supervisionId: r.supervisionId,
    startsOn: r.startsOn,
    workers: [ref(r.firstWorkerId), ref(r.secondWorkerId)],
    status: r.status,
    cancelReason: r.cancelReason,
    participants: r.participants,
  }));
}

async function organisationsOf(db: Executor, rows: repo.SupervisionRow[]) {
  const ids = [...new Set(rows.map((r) => r.organisationId))];
  return new Map((await organisationRefs(db, ids)).map((o) => [o.id, o]));
}

async function toSummaries(db: Executor, rows: repo.SupervisionRow[]): Promise<SupervisionSummary[]> {
  const [orgs, sessions] = [
    await organisationsOf(db, rows),
    await repo.sessionsOf(
      db,
      rows.map((r) => r.id),
    ),
  ];
  const today = todayInBrussels();
  return rows.map((r) => {
    const own = sessions.filter((s) => s.supervisionId === r.id);
    return {
      id: r.id,
      version: r.version,
      organisation: orgs.get(r.organisationId)!,
      team: r.team,
      startsOn: r.startsOn,
      plannedSessions: r.plannedSessions,
      heldSessions: own.filter((s) => s.status === 'held').length,
      nextSessionOn: own.find((s) => s.status === 'planned' && s.startsOn >= today)?.startsOn ?? null,
    };
  });
}

async function toSupervision(db: Executor, r: repo.SupervisionRow): Promise<Supervision> {
  const orgs = await organisationsOf(db, [r]);
  const sessions = await toSessions(db, await repo.sessionsOf(db, [r.id]));
  return {
    id: r.id,
    version: r.version,
    organisation: orgs.get(r.organisationId)!,
    team: r.team,
    startsOn: r.startsOn,
    plannedSessions: r.plannedSessions,
    fee: r.fee === null ? null : normaliseAmount(r.fee),
    payment: paymentOf(r),
    notes: r.notes,
    heldSessions: sessions.filter((s) => s.status === 'held').length,
    sessions,
  };
}

async function checkOrganisation(db: Executor, id: string) {
  if (!(await findOrganisation(db, id)))
    throw new ValidationError([{ field: 'organisationId', code: 'unknownReference' }]);
}

async function visibleSupervision(ctx: ServiceContext, id: string) {
  visibility(ctx.actor, 'support_supervision');
  const row = await repo.findSupervision(ctx.db, id);
  if (!row) throw new NotFoundError('No such supervision');
  return row;
}

export async function listSupervisions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SupervisionQuery;
}): Promise<SupervisionList> {
  const visible = visibility(ctx.actor, 'support_supervision');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const q = input.q?.trim();
  const { items, total } = await repo.listSupervisions(ctx.db, visible, { q }, { page, pageSize });
  return { items: await toSummaries(ctx.db, items), total, page, pageSize };
}

export async function getSupervision({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Supervision> {
  return toSupervision(ctx.db, await visibleSupervision(ctx, id));
}

export async function createSupervision({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSupervisionBody;
}): Promise<Supervision> {
  assertCan(ctx.actor, 'support', 'create');
  const team = input.team.trim();
  if (!team) throw new ValidationError([{ field: 'team', code: 'required' }]);
  await checkOrganisation(ctx.db, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSupervision(tx, {
      id: input.id,
      organisationId: input.organisationId,
      team,
      startsOn: input.startsOn,
      plannedSessions: input.plannedSessions ?? null,
      fee: input.fee ? normaliseAmount(input.fee) : null,
      notes: clean(input.notes),
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'support_supervision', resourceId: row.id });
    return toSupervision(tx, row);
  });
}

export async function updateSupervision({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateSupervisionBody;
}): Promise<Supervision> {
  assertCan(ctx.actor, 'support', 'update');
  if (input.team !== undefined && !input.team.trim())
    throw new ValidationError([{ field: 'team', code: 'required' }]);
  if (input.organisationId) await checkOrganisation(ctx.db, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    const row = await claimRow(tx, supportSupervisions, id, ifMatch, {
      find: repo.findSupervision,
      shown: toSupervision,
      what: 'supervision',
    });
    const fee = input.fee === undefined ? row.fee : input.fee && normaliseAmount(input.fee);
    if (input.payment && input.payment.amount === undefined && fee === null) {
      // Nothing owed to take as the amount: it must be said.
      throw new ValidationError([{ field: 'payment/amount', code: 'required' }]);
    }
    const updated = await repo.updateSupervision(tx, id, {
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
      ...(input.team !== undefined ? { team: input.team.trim() } : {}),
      ...(input.startsOn ? { startsOn: input.startsOn } : {}),
      ...(input.plannedSessions !== undefined ? { plannedSessions: input.plannedSessions } : {}),
      ...(input.fee !== undefined ? { fee } : {}),
      ...(input.notes !== undefined ? { notes: clean(input.notes) } : {}),
      ...(input.payment !== undefined ? paymentValues(input.payment, fee ?? '0') : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_supervision',
      resourceId: id,
      details: changedFields(input),
    });
    return toSupervision(tx, updated!);
  });
}

/** The pair: two different users of the Support pole (workers or coordinators). */
async function checkPair(db: Executor, workerIds: string[]) {
  const [first, second] = workerIds as [string, string];
  if (first === second)
    throw new ValidationError([{ field: 'workerIds/1', code: 'invalid', message: 'A pair is two workers' }]);
  const found = new Set((await staff(db, [first, second], { supportOnly: true })).map((s) => s.id));
  for (const [i, w] of [first, second].entries()) {
    if (!found.has(w)) throw new ValidationError([{ field: `workerIds/${i}`, code: 'notSupportStaff' }]);
  }
}

/**
 * A session's status as it will be, checked: a cancelled session has its reason; participants
 * are counted only at a held one; a day still to come is held only when the request says the
 * person was asked (decision 15), whether the status or the day moves.
 */
function checkSession(
  next: { status: string; cancelReason: string | null; participants: number | null; startsOn: string },
  moves: { heldNow: boolean; movedHeld: boolean },
  confirmToCome: boolean | undefined,
) {
  if (next.status === 'cancelled' && !next.cancelReason)
    throw new ValidationError([{ field: 'cancelReason', code: 'required' }]);
  if (next.participants !== null && next.status !== 'held')
    throw new ValidationError([{ field: 'participants', code: 'notAllowed' }]);
  if ((moves.heldNow || moves.movedHeld) && next.startsOn > todayInBrussels() && confirmToCome !== true) {
    throw new ConflictError('The session has not taken place yet', [
      { field: moves.heldNow ? 'status' : 'startsOn', code: 'sessionToCome' },
    ]);
  }
}

const dayTakenRefusal = () =>
  new ConflictError('The team already has a session on this day', [{ field: 'startsOn', code: 'taken' }]);

export async function addSession({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: CreateSupervisionSessionBody;
}): Promise<SupervisionSession> {
  assertCan(ctx.actor, 'support', 'update');
  await visibleSupervision(ctx, id);
  await checkPair(ctx.db, input.workerIds);
  const status = input.status ?? 'planned';
  const next = {
    status,
    startsOn: input.startsOn,
    cancelReason: status === 'cancelled' ? clean(input.cancelReason) : null,
    participants: input.participants ?? null,
  };
  checkSession(next, { heldNow: status === 'held', movedHeld: false }, input.confirmToCome);
  return ctx.db.transaction(async (tx) => {
    if (await repo.dayTaken(tx, id, input.startsOn)) throw dayTakenRefusal();
    const row = await repo.insertSession(tx, {
      id: input.id,
      supervisionId: id,
      firstWorkerId: input.workerIds[0]!,
      secondWorkerId: input.workerIds[1]!,
      ...next,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'support_supervision_session',
      resourceId: row.id,
      details: { supervisionId: id },
    });
    return (await toSessions(tx, [row]))[0]!;
  });
}

/** What an update changes, without the confirmation that came with it. */
function fieldsOf({ confirmToCome: _asked, ...fields }: UpdateSupervisionSessionBody) {
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
  input: UpdateSupervisionSessionBody;
}): Promise<SupervisionSession> {
  assertCan(ctx.actor, 'support', 'update');
  if (input.workerIds) await checkPair(ctx.db, input.workerIds);
  return ctx.db.transaction(async (tx) => {
    // Read and checked under the lock the claim took; only what was sent is written (and what
    // follows from a new status: no reason unless cancelled, no participants unless held).
    const row = await claimRow(tx, supportSupervisionSessions, id, ifMatch, {
      find: repo.findSession,
      shown: async (db, now) => (await toSessions(db, [now]))[0]!,
      what: 'session',
    });
    const status = input.status ?? row.status;
    const startsOn = input.startsOn ?? row.startsOn;
    const next = {
      status,
      startsOn,
      cancelReason:
        status === 'cancelled'
          ? input.cancelReason === undefined
            ? row.cancelReason
            : clean(input.cancelReason)
          : null,
      participants:
        status === 'held' ? (input.participants === undefined ? row.participants : input.participants) : null,
    };
    if (status !== 'held' && input.participants !== undefined && input.participants !== null)
      throw new ValidationError([{ field: 'participants', code: 'notAllowed' }]);
    checkSession(
      next,
      {
        heldNow: input.status === 'held' && row.status !== 'held',
        movedHeld: status === 'held' && startsOn !== row.startsOn,
      },
      input.confirmToCome,
    );
    if (startsOn !== row.startsOn && (await repo.dayTaken(tx, row.supervisionId, startsOn, id)))
      throw dayTakenRefusal();
    const updated = await repo.updateSession(tx, id, {
      ...next,
      ...(input.workerIds ? { firstWorkerId: input.workerIds[0]!, secondWorkerId: input.workerIds[1]! } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_supervision_session',
      resourceId: id,
      details: changedFields(fieldsOf(input)),
    });
    return (await toSessions(tx, [updated!]))[0]!;
  });
}
