import {
  supportDueOn,
  type CreateSupportInterventionBody,
  type UpdateSupportInterventionBody,
  type CreateSupportRequestBody,
  type SupportBoard,
  type SupportBoardQuery,
  type SupportCloseBody,
  type SupportDueBucket,
  type SupportDiscussionBody,
  type SupportFirstAnswerBody,
  type SupportPerson,
  type SupportPersonList,
  type SupportPersonQuery,
  type SupportRequest,
  type SupportRequestList,
  type SupportRequestQuery,
  type SupportRequestSummary,
  type SupportStaffList,
  type SupportStatus,
  type UpdateSupportRequestBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { supportRequests } from '../../../db/schema/index.js';
import { bumpVersion, claimRow, type IfMatch } from '../../../db/versions.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { organisationRefs, personRefs } from '../../association/membership/repository.js';
import { findOrganisation, sectorsOn } from '../../directory/organisations/repository.js';
import { findPerson as findDirectoryPerson } from '../../directory/people/repository.js';
import { audit } from '../../platform/audit/service.js';
import * as repo from './repository.js';

const clean = (s: string | null | undefined) => (s === null || s === undefined ? null : s.trim() || null);
const dayOf = (at: Date) => todayInBrussels(at);
const answeredInTime = (r: repo.RequestRow) => (r.firstAnswerOn === null ? null : r.firstAnswerOn <= r.dueOn);

function toPerson(row: repo.PersonRow, requests: number): SupportPerson {
  return {
    id: row.id,
    version: row.version,
    code: row.code,
    initials: row.initials,
    gender: row.gender,
    ageBand: row.ageBand,
    housing: row.housing,
    language: row.language,
    requests,
  };
}

const toSummary = (r: repo.RequestRow, personCode: string): SupportRequestSummary => ({
  id: r.id,
  version: r.version,
  code: r.code,
  receivedAt: r.receivedAt.toISOString(),
  dueOn: r.dueOn,
  channel: r.channel,
  requesterKind: r.requesterKind,
  sectorIds: r.requesterSectorIds,
  personId: r.personId,
  personCode,
  status: r.status,
  firstAnswerOn: r.firstAnswerOn,
  answeredInTime: answeredInTime(r),
  closedOn: r.closedOn,
});

async function toSummaries(db: Executor, rows: repo.RequestRow[]): Promise<SupportRequestSummary[]> {
  const persons = await repo.personsByIds(db, [...new Set(rows.map((r) => r.personId))]);
  const codes = new Map(persons.map((p) => [p.id, p.code]));
  return rows.map((r) => toSummary(r, codes.get(r.personId) ?? ''));
}

async function toRequest(db: Executor, r: repo.RequestRow): Promise<SupportRequest> {
  const [person, counts, interventions, referrals, earlier] = [
    await repo.findPerson(db, r.personId),
    await repo.requestCounts(db, [r.personId]),
    await repo.interventionsOf(db, [r.id]),
    await repo.referralsOf(db, r.id),
    await repo.earlierRequests(db, r),
  ];
  const staffIds = [
    ...(r.firstAnswerBy ? [r.firstAnswerBy] : []),
    ...interventions.flatMap((i) => [i.firstWorkerId, i.secondWorkerId]),
  ];
  const staff = new Map((await repo.staff(db, [...new Set(staffIds)])).map((s) => [s.id, s]));
  const staffRef = (id: string) => staff.get(id) ?? { id, displayName: '' };
  const orgIds = [
    ...(r.requesterOrganisationId ? [r.requesterOrganisationId] : []),
    ...referrals.map((x) => x.organisationId),
  ];
  const orgs = new Map((await organisationRefs(db, orgIds)).map((o) => [o.id, o]));
  const [requesterPerson] = r.requesterPersonId ? await personRefs(db, [r.requesterPersonId]) : [];
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    receivedAt: r.receivedAt.toISOString(),
    dueOn: r.dueOn,
    channel: r.channel,
    requester: {
      kind: r.requesterKind,
      person: requesterPerson ?? null,
      organisation: (r.requesterOrganisationId && orgs.get(r.requesterOrganisationId)) || null,
      sectorIds: r.requesterSectorIds,
      name: r.requesterName,
      callBack: r.requesterCallBack,
    },
    person: toPerson(person!, counts.get(r.personId) ?? 0),
    impasse: r.impasse,
    status: r.status,
    discussedOn: r.discussedOn,
    firstAnswer:
      r.firstAnswerOn && r.firstAnswerBy && r.firstAnswerHow
        ? { on: r.firstAnswerOn, by: staffRef(r.firstAnswerBy), how: r.firstAnswerHow }
        : null,
    answeredInTime: answeredInTime(r),
    closedOn: r.closedOn,
    closeReason: r.closeReason,
    interventions: interventions.map((i) => ({
      id: i.id,
      heldOn: i.heldOn,
      workers: [staffRef(i.firstWorkerId), staffRef(i.secondWorkerId)],
      place: i.place,
      durationMinutes: i.durationMinutes,
      notes: i.notes,
    })),
    referrals: referrals.map((x) => orgs.get(x.organisationId)!).filter(Boolean),
    earlierRequests: earlier.map((e) => ({ ...e, receivedAt: e.receivedAt.toISOString() })),
  };
}

type RequesterInput = CreateSupportRequestBody['requester'];

/**
 * The requester's columns: a professional from the directory (with their organisation's sectors of
 * `day`, the day the request came in: what the directory's sector history says of it), or a
 * non-professional.
 */
async function requesterColumns(db: Executor, input: RequesterInput, day: string, field = 'requester') {
  if (input.kind === 'professional') {
    const errors = [];
    for (const key of ['name', 'callBack'] as const) {
      if (input[key] !== undefined) errors.push({ field: `${field}/${key}`, code: 'notAllowed' as const });
    }
    if (!input.personId) errors.push({ field: `${field}/personId`, code: 'required' as const });
    else if (!(await findDirectoryPerson(db, input.personId)))
      errors.push({ field: `${field}/personId`, code: 'unknownReference' as const });
    if (!input.organisationId) errors.push({ field: `${field}/organisationId`, code: 'required' as const });
    else if (!(await findOrganisation(db, input.organisationId)))
      errors.push({ field: `${field}/organisationId`, code: 'unknownReference' as const });
    if (errors.length) throw new ValidationError(errors);
    return {
      requesterKind: input.kind,
      requesterPersonId: input.personId!,
      requesterOrganisationId: input.organisationId!,
      requesterSectorIds: await sectorsOn(db, input.organisationId!, day),
      requesterName: null,
      requesterCallBack: null,
    };
  }
  const errors = [];
  for (const key of ['personId', 'organisationId'] as const) {
    if (input[key] !== undefined) errors.push({ field: `${field}/${key}`, code: 'notAllowed' as const });
  }
  if (!clean(input.name)) errors.push({ field: `${field}/name`, code: 'required' as const });
  if (!clean(input.callBack)) errors.push({ field: `${field}/callBack`, code: 'required' as const });
  if (errors.length) throw new ValidationError(errors);
  return {
    requesterKind: input.kind,
    requesterPersonId: null,
    requesterOrganisationId: null,
    requesterSectorIds: [],
    requesterName: clean(input.name),
    requesterCallBack: clean(input.callBack),
  };
}

const personPatch = (input: NonNullable<UpdateSupportRequestBody['person']>) => ({
  ...(input.initials !== undefined ? { initials: clean(input.initials) } : {}),
  ...(input.gender ? { gender: input.gender } : {}),
  ...(input.ageBand ? { ageBand: input.ageBand } : {}),
  ...(input.housing ? { housing: input.housing } : {}),
  ...(input.language !== undefined ? { language: clean(input.language) } : {}),
});

async function checkOrganisations(db: Executor, ids: string[], field: string) {
  for (const [i, id] of ids.entries()) {
    if (!(await findOrganisation(db, id)))
      throw new ValidationError([{ field: `${field}/${i}`, code: 'unknownReference' }]);
  }
}

/** A day of the request's life (first answer, discussion, close) cannot come before it was received. */
function notBeforeReceived(row: repo.RequestRow, day: string, field: string) {
  if (day < dayOf(row.receivedAt)) throw new ValidationError([{ field, code: 'beforeReceived' }]);
}

/** A first answer or a discussion is recorded once it happened: not after today in Brussels. */
function notAfterToday(day: string, field: string) {
  if (day > todayInBrussels()) throw new ValidationError([{ field, code: 'afterToday' }]);
}

const closedRefusal = () =>
  new ConflictError('The request is closed: reopen it first', [{ field: 'status', code: 'requestClosed' }]);

export async function createRequest({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSupportRequestBody;
}): Promise<SupportRequest> {
  assertCan(ctx.actor, 'support', 'create');
  const impasse = input.impasse.trim();
  if (!impasse) throw new ValidationError([{ field: 'impasse', code: 'required' }]);
  const receivedAt = new Date(input.receivedAt);
  const requester = await requesterColumns(ctx.db, input.requester, dayOf(receivedAt));
  const { id: personId, ...newPerson } = input.person;
  if (personId) {
    const extra = Object.keys(newPerson);
    if (extra.length)
      throw new ValidationError(extra.map((k) => ({ field: `person/${k}`, code: 'notAllowed' })));
    if (!(await repo.findPerson(ctx.db, personId)))
      throw new ValidationError([{ field: 'person/id', code: 'unknownReference' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const person =
      personId ?? (await repo.insertPerson(tx, { code: repo.newCode('P'), ...personPatch(newPerson) })).id;
    const row = await repo.insertRequest(tx, {
      id: input.id,
      code: repo.newCode('S'),
      receivedAt,
      dueOn: supportDueOn(receivedAt),
      channel: input.channel,
      ...requester,
      personId: person,
      impasse,
      createdAt: new Date(),
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'support_request', resourceId: row.id });
    if (!personId)
      await audit(tx, ctx, { action: 'create', resourceType: 'support_person', resourceId: person });
    return toRequest(tx, row);
  });
}

export async function listRequests({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SupportRequestQuery;
}): Promise<SupportRequestList> {
  const visible = visibility(ctx.actor, 'support_request');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { items, total } = await repo.listRequests(
    ctx.db,
    visible,
    { status: input.status, due: input.due, on: input.on ?? todayInBrussels(), personId: input.personId },
    { page, pageSize },
  );
  return { items: await toSummaries(ctx.db, items), total, page, pageSize };
}

export async function board({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SupportBoardQuery;
}): Promise<SupportBoard> {
  const visible = visibility(ctx.actor, 'support_request');
  const on = input.on ?? todayInBrussels();
  const buckets: Record<SupportDueBucket, SupportRequestSummary[]> = {
    today: [],
    this_week: [],
    overdue: [],
    answered: [],
  };
  for (const { bucket, place: _place, personCode, ...row } of await repo.boardRows(ctx.db, visible, on))
    buckets[bucket].push(toSummary(row, personCode ?? ''));
  return {
    on,
    today: buckets.today,
    thisWeek: buckets.this_week,
    overdue: buckets.overdue,
    answered: buckets.answered,
  };
}

async function visibleRequest(ctx: ServiceContext, id: string) {
  visibility(ctx.actor, 'support_request');
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw new NotFoundError('No such request');
  return row;
}

export async function getRequest({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SupportRequest> {
  return toRequest(ctx.db, await visibleRequest(ctx, id));
}

/** Whether a patch sets a value other than the one held (dates by instant, lists item by item). */
const differs = (patch: Record<string, unknown>, was: Record<string, unknown>) =>
  Object.entries(patch).some(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(was[k]));

/** A request as a 412 shows it: its summary, without the free text. */
const requestShown = {
  find: repo.findRequest,
  shown: async (db: Executor, now: repo.RequestRow) => (await toSummaries(db, [now]))[0]!,
  what: 'request',
};

export async function updateRequest({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateSupportRequestBody;
}): Promise<SupportRequest> {
  assertCan(ctx.actor, 'support', 'update');
  if (input.impasse !== undefined && !input.impasse.trim())
    throw new ValidationError([{ field: 'impasse', code: 'required' }]);
  if (input.referralOrganisationIds)
    await checkOrganisations(ctx.db, input.referralOrganisationIds, 'referralOrganisationIds');
  return ctx.db.transaction(async (tx) => {
    // A 412 shows what changed, without the free text: the SPA reads it again with a logged GET.
    const before = await claimRow(tx, supportRequests, id, ifMatch, requestShown);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : undefined;
    // A professional's sectors stay those of the day the request came in (the figures count them
    // so): a correction of the requester, or of that day, reads them for that day, not today.
    const receivedDay = dayOf(receivedAt ?? before.receivedAt);
    const requester = input.requester
      ? await requesterColumns(tx, input.requester, receivedDay)
      : receivedAt && before.requesterOrganisationId
        ? { requesterSectorIds: await sectorsOn(tx, before.requesterOrganisationId, receivedDay) }
        : {};
    const dueOn = receivedAt ? supportDueOn(receivedAt) : undefined;
    if (receivedAt) {
      const firstDay = dayOf(receivedAt);
      for (const [field, day] of [
        ['receivedAt', before.firstAnswerOn],
        ['receivedAt', before.discussedOn],
        ['receivedAt', before.closedOn],
      ] as const) {
        if (day && day < firstDay) throw new ValidationError([{ field, code: 'beforeReceived' }]);
      }
      // Interventions come in order of their day: the first one held bounds the received date too.
      const [firstHeld] = await repo.interventionsOf(tx, [id]);
      if (firstHeld && firstHeld.heldOn < firstDay)
        throw new ValidationError([{ field: 'receivedAt', code: 'beforeReceived' }]);
    }
    const columns = {
      ...(receivedAt ? { receivedAt, dueOn } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      ...requester,
      ...(input.impasse !== undefined ? { impasse: input.impasse.trim() } : {}),
    };
    const row = await repo.updateRequest(tx, id, columns);
    const person = input.person ? personPatch(input.person) : {};
    const personBefore = Object.keys(person).length ? await repo.findPerson(tx, before.personId) : undefined;
    if (personBefore) await repo.updatePerson(tx, before.personId, person);
    const referralsBefore = input.referralOrganisationIds
      ? (await repo.referralsOf(tx, id)).map((r) => r.organisationId)
      : [];
    if (input.referralOrganisationIds) await repo.setReferrals(tx, id, input.referralOrganisationIds);
    // The fields whose value changed, not merely those sent (as an intervention's correction);
    // their names only, not their values (the impasse is free text).
    const changed: Record<keyof UpdateSupportRequestBody, boolean> = {
      receivedAt: differs({ receivedAt: columns.receivedAt }, before),
      channel: differs({ channel: columns.channel }, before),
      requester: differs(requester, before),
      impasse: differs({ impasse: columns.impasse }, before),
      person: !!personBefore && differs(person, personBefore),
      referralOrganisationIds: differs(
        { ids: [...(input.referralOrganisationIds ?? [])].sort() },
        { ids: referralsBefore.sort() },
      ),
    };
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_request',
      resourceId: id,
      details: {
        fields: (Object.keys(input) as (keyof UpdateSupportRequestBody)[]).filter((k) => changed[k]).sort(),
        // The one-week promise moved: when and from what to what (dates only, no free text).
        ...(receivedAt && dueOn !== before.dueOn ? { dueOn: { from: before.dueOn, to: dueOn } } : {}),
      },
    });
    return toRequest(tx, row!);
  });
}

/**
 * One step of a request's follow-up: checked, written, versioned and audited in one transaction.
 * The row is locked first (its version bumped), then read and checked: two steps at once wait
 * for each other, and the second sees what the first did (a close then an intervention: 409).
 */
async function step(
  ctx: ServiceContext,
  id: string,
  event: string,
  change: (tx: Executor, row: repo.RequestRow) => Promise<Partial<typeof supportRequests.$inferInsert>>,
  details: Record<string, unknown> = {},
): Promise<SupportRequest> {
  assertCan(ctx.actor, 'support', 'update');
  visibility(ctx.actor, 'support_request');
  return ctx.db.transaction(async (tx) => {
    await bumpVersion(tx, supportRequests, [id]);
    const row = await repo.findRequest(tx, id);
    if (!row) throw new NotFoundError('No such request');
    const patch = await change(tx, row);
    const updated = await repo.updateRequest(tx, id, patch);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_request',
      resourceId: id,
      details: { event, fields: Object.keys(patch).sort(), ...details },
    });
    return toRequest(tx, updated!);
  });
}

export const recordFirstAnswer = ({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: SupportFirstAnswerBody;
}) =>
  step(ctx, id, 'firstAnswer', async (tx, row) => {
    if (row.status === 'closed') throw closedRefusal();
    if (row.firstAnswerOn !== null)
      throw new ConflictError('The request already has its first answer', [
        { field: 'answeredOn', code: 'alreadyAnswered' },
      ]);
    notBeforeReceived(row, input.answeredOn, 'answeredOn');
    notAfterToday(input.answeredOn, 'answeredOn');
    if (!(await repo.staff(tx, [input.byUserId], { supportOnly: true })).length)
      throw new ValidationError([{ field: 'byUserId', code: 'notSupportStaff' }]);
    return { firstAnswerOn: input.answeredOn, firstAnswerBy: input.byUserId, firstAnswerHow: input.how };
  });

export const recordDiscussion = ({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: SupportDiscussionBody;
}) =>
  step(ctx, id, 'discussed', async (_tx, row) => {
    if (row.status === 'closed') throw closedRefusal();
    notBeforeReceived(row, input.discussedOn, 'discussedOn');
    notAfterToday(input.discussedOn, 'discussedOn');
    return {
      discussedOn: input.discussedOn,
      ...(row.status === 'new' ? { status: 'discussed' as const } : {}),
    };
  });

/**
 * An intervention's pair: two different active users of the Support pole. A correction keeps
 * (`kept`) the members the intervention already had, even one who has since left.
 */
async function checkPair(db: Executor, [first, second]: [string, string], kept: string[] = []) {
  if (first === second)
    throw new ValidationError([{ field: 'workerIds/1', code: 'invalid', message: 'A pair is two workers' }]);
  const fresh = [first, second].filter((w) => !kept.includes(w));
  const found = new Set([...kept, ...(await repo.staff(db, fresh, { supportOnly: true })).map((s) => s.id)]);
  for (const [i, w] of [first, second].entries()) {
    if (!found.has(w)) throw new ValidationError([{ field: `workerIds/${i}`, code: 'notSupportStaff' }]);
  }
}

export async function addIntervention({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: CreateSupportInterventionBody;
}): Promise<SupportRequest> {
  const [first, second] = input.workerIds as [string, string];
  return step(ctx, id, 'intervention', async (tx, row) => {
    if (row.status === 'closed') throw closedRefusal();
    notBeforeReceived(row, input.heldOn, 'heldOn');
    await checkPair(tx, [first, second]);
    await repo.insertIntervention(tx, {
      id: input.id,
      requestId: id,
      heldOn: input.heldOn,
      firstWorkerId: first,
      secondWorkerId: second,
      place: input.place,
      durationMinutes: input.durationMinutes ?? null,
      notes: clean(input.notes),
    });
    return { status: 'intervention' };
  });
}

/**
 * An intervention corrected (day, pair, place, duration, notes): versioned on its request (the
 * request's version in If-Match, bumped), the same checks as adding one, audited on the request
 * with the fields changed (not their values: the notes are sensitive).
 */
export async function updateIntervention({
  ctx,
  id,
  interventionId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  interventionId: string;
  ifMatch: IfMatch;
  input: UpdateSupportInterventionBody;
}): Promise<SupportRequest> {
  assertCan(ctx.actor, 'support', 'update');
  visibility(ctx.actor, 'support_request');
  return ctx.db.transaction(async (tx) => {
    // A 412 shows what changed, without the free text: the SPA reads it again with a logged GET.
    const row = await claimRow(tx, supportRequests, id, ifMatch, requestShown);
    const current = (await repo.interventionsOf(tx, [id])).find((i) => i.id === interventionId);
    if (!current) throw new NotFoundError('No such intervention');
    // Decision 24: a closed request takes no step, nor a correction of one, until reopened.
    if (row.status === 'closed') throw closedRefusal();
    if (input.heldOn) notBeforeReceived(row, input.heldOn, 'heldOn');
    const pair = input.workerIds as [string, string] | undefined;
    const currentPair = [current.firstWorkerId, current.secondWorkerId];
    if (pair) await checkPair(tx, pair, currentPair);
    const notes = input.notes !== undefined ? clean(input.notes) : undefined;
    await repo.updateIntervention(tx, id, interventionId, {
      ...(input.heldOn ? { heldOn: input.heldOn } : {}),
      ...(pair ? { firstWorkerId: pair[0], secondWorkerId: pair[1] } : {}),
      ...(input.place ? { place: input.place } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
      ...(notes !== undefined ? { notes } : {}),
    });
    // The fields whose value changed, not merely those sent.
    const was: Record<string, unknown> = {
      heldOn: current.heldOn,
      workerIds: currentPair.join(),
      place: current.place,
      durationMinutes: current.durationMinutes,
      notes: current.notes,
    };
    const now: Record<string, unknown> = { ...input, workerIds: pair?.join(), notes };
    const fields = Object.keys(input)
      .filter((k) => now[k] !== was[k])
      .sort();
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_request',
      resourceId: id,
      details: { event: 'interventionCorrected', interventionId, fields },
    });
    return toRequest(tx, row);
  });
}

export const closeRequest = ({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: SupportCloseBody;
}) =>
  step(
    ctx,
    id,
    'closed',
    async (_tx, row) => {
      if (row.status === 'closed') throw closedRefusal();
      notBeforeReceived(row, input.closedOn, 'closedOn');
      return { status: 'closed', closedOn: input.closedOn, closeReason: input.reason };
    },
    { reason: input.reason },
  );

/** Reopening is an explicit act: the request goes back to where its follow-up was. */
export function reopenRequest({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SupportRequest> {
  // Filled in by the check, read by the audit after it: what the closing was.
  const details: Record<string, unknown> = {};
  return step(
    ctx,
    id,
    'reopened',
    async (tx, row) => {
      if (row.status !== 'closed')
        throw new ConflictError('The request is open', [{ field: 'status', code: 'requestOpen' }]);
      Object.assign(details, { wasClosedOn: row.closedOn, wasClosedFor: row.closeReason });
      const status: SupportStatus = (await repo.interventionsOf(tx, [id])).length
        ? 'intervention'
        : row.discussedOn
          ? 'discussed'
          : 'new';
      return { status, closedOn: null, closeReason: null };
    },
    details,
  );
}

export async function searchPersons({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SupportPersonQuery;
}): Promise<SupportPersonList> {
  const visible = visibility(ctx.actor, 'support_person');
  const q = input.q.trim();
  if (!q) throw new ValidationError([{ field: 'q', code: 'required' }]);
  // Nothing left to look for ("-", "é."): it would list everyone.
  if (!repo.searchKey(q)) throw new ValidationError([{ field: 'q', code: 'invalid' }]);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { items, total } = await repo.searchPersons(ctx.db, visible, q, { page, pageSize });
  const counts = await repo.requestCounts(
    ctx.db,
    items.map((p) => p.id),
  );
  return { items: items.map((p) => toPerson(p, counts.get(p.id) ?? 0)), total, page, pageSize };
}

/** Who may record a first answer or go out in a pair: the pole's active coordinators and workers. */
export async function listStaff({ ctx }: { ctx: ServiceContext }): Promise<SupportStaffList> {
  assertCan(ctx.actor, 'support', 'read');
  return { items: await repo.supportStaff(ctx.db) };
}
