import type {
  CreateTrainingEditionBody,
  CreateTrainingModuleBody,
  CreateTrainingParticipantBody,
  TrainingAttendanceBody,
  TrainingEdition,
  TrainingEditionList,
  TrainingEditionQuery,
  TrainingEditionSummary,
  TrainingModule,
  TrainingModuleList,
  TrainingParticipant,
  UpdateTrainingEditionBody,
  UpdateTrainingModuleBody,
  UpdateTrainingParticipantBody,
} from '@smes/shared';
import { normaliseAmount } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import {
  supportTrainingEditions,
  supportTrainingModules,
  supportTrainingParticipants,
} from '../../../db/schema/index.js';
import { claimRow, type IfMatch } from '../../../db/versions.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { organisationRefs, personRefs } from '../../association/membership/repository.js';
import { findOrganisation } from '../../directory/organisations/repository.js';
import { findPerson } from '../../directory/people/repository.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { paymentOf, paymentValues } from '../../platform/payments/payment.js';
import * as repo from './repository.js';

/*
 * Support's trainings (issue 15, decision 29): modules, editions on one or more days, the
 * participants (people of the directory, with their organisation's sectors of the registration
 * day; or only a count for a partner's edition) and who was present each day.
 */

const clean = (s: string | null | undefined) => (s === null || s === undefined ? null : s.trim() || null);
const amount = (a: string | null) => (a === null ? null : normaliseAmount(a));

function toModule(row: repo.ModuleRow, editions: number): TrainingModule {
  return {
    id: row.id,
    version: row.version,
    titleFr: row.titleFr,
    titleNl: row.titleNl,
    themes: row.themes,
    editions,
  };
}

async function toParticipants(db: Executor, rows: repo.ParticipantRow[]): Promise<TrainingParticipant[]> {
  const people = new Map(
    (await personRefs(db, [...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p]),
  );
  const orgs = new Map(
    (await organisationRefs(db, [...new Set(rows.map((r) => r.organisationId))])).map((o) => [o.id, o]),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    editionId: r.editionId,
    person: people.get(r.personId) ?? { id: r.personId, firstName: '', lastName: '' },
    organisation: orgs.get(r.organisationId) ?? { id: r.organisationId, nameFr: null, nameNl: null },
    sectorIds: r.sectorIds,
    registeredOn: r.registeredOn,
    fee: amount(r.fee),
    payment: paymentOf(r),
  }));
}

async function toSummaries(db: Executor, rows: repo.EditionRow[]): Promise<TrainingEditionSummary[]> {
  const ids = rows.map((r) => r.id);
  const [sessions, counts] = [await repo.sessionsOf(db, ids), await repo.participantCounts(db, ids)];
  const moduleIds = [...new Set(rows.map((r) => r.moduleId))];
  const modules = new Map<string, repo.ModuleRow>();
  for (const id of moduleIds) {
    const m = await repo.findModule(db, id);
    if (m) modules.set(id, m);
  }
  const partnerIds = rows.flatMap((r) => (r.partnerOrganisationId ? [r.partnerOrganisationId] : []));
  const partners = new Map((await organisationRefs(db, [...new Set(partnerIds)])).map((o) => [o.id, o]));
  return rows.map((r) => {
    const named = counts.get(r.id) ?? 0;
    const m = modules.get(r.moduleId);
    return {
      id: r.id,
      version: r.version,
      moduleId: r.moduleId,
      module: { titleFr: m?.titleFr ?? '', titleNl: m?.titleNl ?? '' },
      organiser: r.organiser,
      partner: (r.partnerOrganisationId && partners.get(r.partnerOrganisationId)) || null,
      format: r.format,
      place: r.place,
      capacity: r.capacity,
      fee: amount(r.fee),
      days: sessions.filter((s) => s.editionId === r.id).map((s) => s.heldOn),
      participants: named + (r.participantCount ?? 0),
      participantCount: r.participantCount,
    };
  });
}

/** An edition as a 412 shows it: its summary, without its participants (their names are a logged read). */
const editionShown = {
  find: repo.findEdition,
  shown: async (db: Executor, now: repo.EditionRow) => (await toSummaries(db, [now]))[0]!,
  what: 'training edition',
};

async function toEdition(db: Executor, row: repo.EditionRow): Promise<TrainingEdition> {
  const [summary] = await toSummaries(db, [row]);
  const sessions = await repo.sessionsOf(db, [row.id]);
  const attendance = await repo.attendanceOf(
    db,
    sessions.map((s) => s.id),
  );
  return {
    ...summary!,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      presentIds: attendance.filter((a) => a.sessionId === s.id).map((a) => a.participantId),
    })),
    participantList: await toParticipants(db, await repo.participantsOf(db, [row.id])),
  };
}

// Modules.

export async function listModules({ ctx }: { ctx: ServiceContext }): Promise<TrainingModuleList> {
  visibility(ctx.actor, 'support_training_module');
  return { items: (await repo.listModules(ctx.db)).map((r) => toModule(r.module, r.editions)) };
}

const themesOf = (themes: string[]) => [...new Set(themes.map((t) => t.trim()).filter(Boolean))];

function checkTitles(input: { titleFr?: string | undefined; titleNl?: string | undefined }) {
  const errors = (['titleFr', 'titleNl'] as const)
    .filter((k) => input[k] !== undefined && !input[k]!.trim())
    .map((field) => ({ field, code: 'required' as const }));
  if (errors.length) throw new ValidationError(errors);
}

export async function createModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateTrainingModuleBody;
}): Promise<TrainingModule> {
  assertCan(ctx.actor, 'support', 'create');
  checkTitles(input);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertModule(tx, {
      id: input.id,
      titleFr: input.titleFr.trim(),
      titleNl: input.titleNl.trim(),
      themes: themesOf(input.themes ?? []),
    });
    await audit(tx, ctx, { action: 'create', resourceType: 'support_training_module', resourceId: row.id });
    return toModule(row, 0);
  });
}

export async function getModule({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<TrainingModule> {
  visibility(ctx.actor, 'support_training_module');
  const row = await repo.findModule(ctx.db, id);
  if (!row) throw new NotFoundError('No such training module');
  return toModule(row, await repo.editionCount(ctx.db, id));
}

export async function updateModule({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateTrainingModuleBody;
}): Promise<TrainingModule> {
  assertCan(ctx.actor, 'support', 'update');
  checkTitles(input);
  return ctx.db.transaction(async (tx) => {
    await claimRow(tx, supportTrainingModules, id, ifMatch, {
      find: repo.findModule,
      shown: async (db, now) => toModule(now, await repo.editionCount(db, id)),
      what: 'training module',
    });
    const row = await repo.updateModule(tx, id, {
      ...(input.titleFr !== undefined ? { titleFr: input.titleFr.trim() } : {}),
      ...(input.titleNl !== undefined ? { titleNl: input.titleNl.trim() } : {}),
      ...(input.themes !== undefined ? { themes: themesOf(input.themes) } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_training_module',
      resourceId: id,
      details: changedFields(input),
    });
    return toModule(row, await repo.editionCount(tx, id));
  });
}

// Editions.

type EditionInput = Partial<Omit<CreateTrainingEditionBody, 'id' | 'moduleId'>>;

/** The edition's columns as they will stand, checked together (organiser, partner, count). */
async function editionColumns(
  db: Executor,
  before: repo.EditionRow | null,
  input: EditionInput,
  named: number,
) {
  const organiser = input.organiser ?? before?.organiser;
  const partnerId =
    input.partnerOrganisationId !== undefined
      ? input.partnerOrganisationId
      : (before?.partnerOrganisationId ?? null);
  const count =
    input.participantCount !== undefined ? input.participantCount : (before?.participantCount ?? null);
  const errors: { field: string; code: 'required' | 'notAllowed' | 'unknownReference' }[] = [];
  if (organiser === 'partner') {
    if (!partnerId) errors.push({ field: 'partnerOrganisationId', code: 'required' });
    else if (input.partnerOrganisationId && !(await findOrganisation(db, partnerId)))
      errors.push({ field: 'partnerOrganisationId', code: 'unknownReference' });
  } else {
    if (input.partnerOrganisationId) errors.push({ field: 'partnerOrganisationId', code: 'notAllowed' });
    // Only a partner's edition is counted without names.
    if (input.participantCount !== undefined && input.participantCount !== null)
      errors.push({ field: 'participantCount', code: 'notAllowed' });
  }
  // A count stands for participants not named: not beside named ones.
  if (input.participantCount !== undefined && input.participantCount !== null && named > 0)
    errors.push({ field: 'participantCount', code: 'notAllowed' });
  if (errors.length) throw new ValidationError(errors);
  return {
    ...(input.organiser !== undefined ? { organiser: input.organiser } : {}),
    partnerOrganisationId: organiser === 'partner' ? partnerId : null,
    participantCount: organiser === 'partner' ? count : null,
    ...(input.format !== undefined ? { format: input.format } : {}),
    ...(input.place !== undefined ? { place: clean(input.place) } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.fee !== undefined ? { fee: input.fee === null ? null : normaliseAmount(input.fee) } : {}),
  };
}

export async function listEditions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TrainingEditionQuery;
}): Promise<TrainingEditionList> {
  visibility(ctx.actor, 'support_training_edition');
  if (input.from && input.to && input.to < input.from)
    throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
  return { items: await toSummaries(ctx.db, await repo.listEditions(ctx.db, input)) };
}

export async function createEdition({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateTrainingEditionBody;
}): Promise<TrainingEdition> {
  assertCan(ctx.actor, 'support', 'create');
  if (!(await repo.findModule(ctx.db, input.moduleId)))
    throw new ValidationError([{ field: 'moduleId', code: 'unknownReference' }]);
  const { id, moduleId, days, ...fields } = input;
  const columns = await editionColumns(ctx.db, null, fields, 0);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertEdition(tx, {
      id,
      moduleId,
      organiser: input.organiser,
      format: input.format,
      ...columns,
    });
    await repo.insertSessions(tx, row.id, [...days].sort());
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'support_training_edition',
      resourceId: row.id,
      details: { moduleId, days: days.length },
    });
    return toEdition(tx, row);
  });
}

async function visibleEdition(ctx: ServiceContext, id: string) {
  visibility(ctx.actor, 'support_training_edition');
  const row = await repo.findEdition(ctx.db, id);
  if (!row) throw new NotFoundError('No such training edition');
  return row;
}

export async function getEdition({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<TrainingEdition> {
  visibility(ctx.actor, 'support_training_participant');
  return toEdition(ctx.db, await visibleEdition(ctx, id));
}

export async function updateEdition({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateTrainingEditionBody;
}): Promise<TrainingEdition> {
  assertCan(ctx.actor, 'support', 'update');
  return ctx.db.transaction(async (tx) => {
    // A 412 shows the edition without its participants (their names are a logged read).
    const before = await claimRow(tx, supportTrainingEditions, id, ifMatch, editionShown);
    const { days, ...fields } = input;
    const named = (await repo.participantCounts(tx, [id])).get(id) ?? 0;
    const columns = await editionColumns(tx, before, fields, named);
    if (days) {
      const sessions = await repo.sessionsOf(tx, [id]);
      const gone = sessions.filter((s) => !days.includes(s.heldOn));
      if (
        (
          await repo.sessionsWithAttendance(
            tx,
            gone.map((s) => s.id),
          )
        ).length
      )
        throw new ConflictError('A day with attendance cannot be removed', [
          { field: 'days', code: 'hasAttendance' },
        ]);
      await repo.deleteSessions(
        tx,
        gone.map((s) => s.id),
      );
      const kept = new Set(sessions.map((s) => s.heldOn));
      await repo.insertSessions(tx, id, days.filter((d) => !kept.has(d)).sort());
    }
    const row = await repo.updateEdition(tx, id, columns);
    if (row.capacity !== null && named > row.capacity)
      throw new ConflictError('More participants than places', [{ field: 'capacity', code: 'tooSmall' }]);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_training_edition',
      resourceId: id,
      details: changedFields(input),
    });
    return toEdition(tx, row);
  });
}

// Participants and attendance.

export async function addParticipant({
  ctx,
  editionId,
  input,
}: {
  ctx: ServiceContext;
  editionId: string;
  input: CreateTrainingParticipantBody;
}): Promise<TrainingParticipant> {
  assertCan(ctx.actor, 'support', 'create');
  await visibleEdition(ctx, editionId);
  const errors = [];
  const person = await findPerson(ctx.db, input.personId);
  if (!person) errors.push({ field: 'personId', code: 'unknownReference' as const });
  if (!(await findOrganisation(ctx.db, input.organisationId)))
    errors.push({ field: 'organisationId', code: 'unknownReference' as const });
  if (errors.length) throw new ValidationError(errors);
  // Erased (art. 17): no new record may name them again (decision 31), as for a person's edit.
  if (person!.erasedOn)
    throw new ConflictError('The person was erased', [{ field: 'personId', code: 'erased' }]);
  return ctx.db.transaction(async (tx) => {
    const edition = (await repo.lockEdition(tx, editionId))!;
    if (edition.participantCount !== null)
      throw new ConflictError('This edition counts its participants without names', [
        { field: 'personId', code: 'notAllowed' },
      ]);
    if (await repo.participantOf(tx, editionId, input.personId))
      throw new ConflictError('Already a participant of this edition', [
        { field: 'personId', code: 'taken' },
      ]);
    const named = (await repo.participantCounts(tx, [editionId])).get(editionId) ?? 0;
    if (edition.capacity !== null && named >= edition.capacity)
      throw new ConflictError('The edition is full', [{ field: 'editionId', code: 'editionFull' }]);
    const row = await repo.insertParticipant(tx, {
      id: input.id,
      editionId,
      personId: input.personId,
      organisationId: input.organisationId,
      sectorIds: await repo.sectorsOf(tx, input.organisationId),
      registeredOn: input.registeredOn ?? todayInBrussels(),
      fee: edition.fee,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'support_training_participant',
      resourceId: row.id,
      details: { editionId },
    });
    return (await toParticipants(tx, [row]))[0]!;
  });
}

export async function updateParticipant({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateTrainingParticipantBody;
}): Promise<TrainingParticipant> {
  assertCan(ctx.actor, 'support', 'update');
  return ctx.db.transaction(async (tx) => {
    // A 412 shows what changed without naming the person (ids and version only), as an edition's does:
    // it is not a logged read.
    const row = await claimRow(tx, supportTrainingParticipants, id, ifMatch, {
      find: repo.findParticipant,
      shown: (_db, now) => ({ id: now.id, version: now.version, editionId: now.editionId }),
      what: 'participant',
    });
    if (input.payment && row.fee === null && input.payment.amount === undefined)
      throw new ValidationError([{ field: 'payment/amount', code: 'required' }]);
    const updated = await repo.updateParticipant(
      tx,
      id,
      input.payment !== undefined ? paymentValues(input.payment, row.fee ?? '0') : {},
    );
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_training_participant',
      resourceId: id,
      details: changedFields(input),
    });
    return (await toParticipants(tx, [updated]))[0]!;
  });
}

/** Who was present at one day of the edition: the participants listed, the others absent. */
export async function saveAttendance({
  ctx,
  editionId,
  sessionId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  editionId: string;
  sessionId: string;
  ifMatch: IfMatch;
  input: TrainingAttendanceBody;
}): Promise<TrainingEdition> {
  assertCan(ctx.actor, 'support', 'update');
  await visibleEdition(ctx, editionId);
  return ctx.db.transaction(async (tx) => {
    // Attendance is a change of the edition: its version (If-Match) is claimed and bumped.
    const edition = await claimRow(tx, supportTrainingEditions, editionId, ifMatch, editionShown);
    const sessions = await repo.sessionsOf(tx, [editionId]);
    if (!sessions.some((s) => s.id === sessionId)) throw new NotFoundError('No such day of this edition');
    const participants = new Set((await repo.participantsOf(tx, [editionId])).map((p) => p.id));
    const errors = input.participantIds
      .map((pid, i) =>
        participants.has(pid) ? null : { field: `participantIds/${i}`, code: 'unknownReference' as const },
      )
      .filter((e) => e !== null);
    if (errors.length) throw new ValidationError(errors);
    await repo.replaceAttendance(tx, sessionId, input.participantIds);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'support_training_edition',
      resourceId: editionId,
      details: { fields: ['attendance'], sessionId, present: input.participantIds.length },
    });
    return toEdition(tx, edition);
  });
}
