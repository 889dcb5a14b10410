import type {
  CreateRepresentationMeetingBody,
  RepresentationMeeting,
  RepresentationMeetingList,
  RepresentationMeetingQuery,
  UpdateRepresentationMeetingBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import { representationMeetings } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../../platform/audit/service.js';
import { personRefs } from '../../association/membership/repository.js';
import { findPerson } from '../../directory/people/repository.js';
import * as repo from './repository.js';

async function toMeetings(db: Executor, rows: repo.MeetingRow[]): Promise<RepresentationMeeting[]> {
  const links = await repo.attendeesOf(
    db,
    rows.map((r) => r.id),
  );
  const persons = await personRefs(db, [...new Set(links.map((l) => l.personId))]);
  const byName = (a: { lastName: string; firstName: string }, b: typeof a) =>
    a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    heldOn: r.heldOn,
    body: r.body,
    topic: r.topic,
    notes: r.notes,
    attendees: links
      .filter((l) => l.meetingId === r.id)
      .map((l) => persons.find((p) => p.id === l.personId)!)
      .sort(byName),
  }));
}

/** Attendees are people of the directory as it is now (not a record merged into another). */
async function checkAttendees(db: Executor, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    if (!(await findPerson(db, id)))
      throw new ValidationError([{ field: `attendeeIds/${i}`, code: 'invalid' }]);
  }
}

const clean = (s: string | null | undefined) => (s === null || s === undefined ? null : s.trim() || null);

export async function listMeetings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RepresentationMeetingQuery;
}): Promise<RepresentationMeetingList> {
  const visible = visibility(ctx.actor, 'representation_meeting');
  if (input.from && input.to && input.to < input.from) {
    throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
  }
  const { items, total } = await repo.listMeetings(ctx.db, visible, {
    ...input,
    page: input.page ?? 1,
    pageSize: input.pageSize ?? 50,
  });
  return { items: await toMeetings(ctx.db, items), total };
}

export async function createMeeting({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateRepresentationMeetingBody;
}): Promise<RepresentationMeeting> {
  assertCan(ctx.actor, 'representation', 'create');
  const body = input.body.trim();
  const topic = input.topic.trim();
  if (!body) throw new ValidationError([{ field: 'body', code: 'required' }]);
  if (!topic) throw new ValidationError([{ field: 'topic', code: 'required' }]);
  await checkAttendees(ctx.db, input.attendeeIds);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertMeeting(tx, {
      id: input.id,
      heldOn: input.heldOn,
      body,
      topic,
      notes: clean(input.notes),
    });
    await repo.setAttendees(tx, row.id, input.attendeeIds);
    await audit(tx, ctx, { action: 'create', resourceType: 'representation_meeting', resourceId: row.id });
    return (await toMeetings(tx, [row]))[0]!;
  });
}

export async function updateMeeting({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateRepresentationMeetingBody;
}): Promise<RepresentationMeeting> {
  assertCan(ctx.actor, 'representation', 'update');
  for (const field of ['body', 'topic'] as const) {
    if (input[field] !== undefined && !input[field].trim()) {
      throw new ValidationError([{ field, code: 'required' }]);
    }
  }
  if (input.attendeeIds) await checkAttendees(ctx.db, input.attendeeIds);
  return ctx.db.transaction(async (tx) => {
    const current = async () => {
      const now = await repo.findMeeting(tx, id);
      return now && (await toMeetings(tx, [now]))[0];
    };
    await claimVersion(tx, representationMeetings, id, ifMatch, current, 'meeting');
    // Only the fields sent are written, under the lock the claim took.
    const row = await repo.updateMeeting(tx, id, {
      ...(input.heldOn ? { heldOn: input.heldOn } : {}),
      ...(input.body !== undefined ? { body: input.body.trim() } : {}),
      ...(input.topic !== undefined ? { topic: input.topic.trim() } : {}),
      ...(input.notes !== undefined ? { notes: clean(input.notes) } : {}),
    });
    if (input.attendeeIds) await repo.setAttendees(tx, id, input.attendeeIds);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'representation_meeting',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
    return (await toMeetings(tx, [row!]))[0]!;
  });
}

/** A mistaken entry can be removed; the audit log keeps the trace. */
export async function deleteMeeting({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  assertCan(ctx.actor, 'representation', 'delete');
  const row = await repo.findMeeting(ctx.db, id);
  if (!row) throw new NotFoundError('No such meeting');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteMeeting(tx, id);
    await audit(tx, ctx, {
      action: 'delete',
      resourceType: 'representation_meeting',
      resourceId: id,
      details: { heldOn: row.heldOn, body: row.body },
    });
  });
}
