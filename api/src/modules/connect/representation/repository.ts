import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { pairLink, type MergeLink } from '../../../db/merge-links.js';
import { namesInText, type PersonExportPart } from '../../../db/person-rights.js';
import { visibleRows } from '../../../db/scope.js';
import { representationMeetingAttendees, representationMeetings } from '../../../db/schema/index.js';

export type MeetingRow = typeof representationMeetings.$inferSelect;

const between = (from?: string, to?: string) =>
  and(
    from ? gte(representationMeetings.heldOn, from) : undefined,
    to ? lte(representationMeetings.heldOn, to) : undefined,
  );

export async function listMeetings(
  db: Executor,
  visible: Visibility,
  { from, to, page, pageSize }: { from?: string; to?: string; page: number; pageSize: number },
) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(representationMeetings)
      .where(and(between(from, to), visibleRows(visible)))
      .orderBy(desc(representationMeetings.heldOn), desc(representationMeetings.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(representationMeetings)
      .where(and(between(from, to), visibleRows(visible))),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Meetings per calendar year, over the whole log: the activity report's figure. */
export async function findMeeting(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(representationMeetings)
    .where(eq(representationMeetings.id, id))
    .limit(1);
  return row;
}

export async function insertMeeting(db: Executor, input: typeof representationMeetings.$inferInsert) {
  const [row] = await db.insert(representationMeetings).values(input).returning();
  return row!;
}

export async function updateMeeting(
  db: Executor,
  id: string,
  patch: Partial<typeof representationMeetings.$inferInsert>,
) {
  // Only the attendees changed: the meeting's own row stays as it is.
  if (!Object.keys(patch).length) return findMeeting(db, id);
  const [row] = await db
    .update(representationMeetings)
    .set(patch)
    .where(eq(representationMeetings.id, id))
    .returning();
  return row;
}

export const deleteMeeting = (db: Executor, id: string) =>
  db.delete(representationMeetings).where(eq(representationMeetings.id, id));

export const attendeesOf = (db: Executor, meetingIds: string[]) =>
  meetingIds.length
    ? db
        .select()
        .from(representationMeetingAttendees)
        .where(inArray(representationMeetingAttendees.meetingId, meetingIds))
        .orderBy(asc(representationMeetingAttendees.personId))
    : Promise.resolve([]);

export async function setAttendees(db: Executor, meetingId: string, personIds: string[]) {
  await db
    .delete(representationMeetingAttendees)
    .where(eq(representationMeetingAttendees.meetingId, meetingId));
  if (personIds.length) {
    await db
      .insert(representationMeetingAttendees)
      .values(personIds.map((personId) => ({ meetingId, personId })));
  }
}

/** A merged person's attendance follows the kept one; both at one meeting: the kept one's stays. */
export const attendeesLink: MergeLink = pairLink(
  'representation_meeting',
  'representationMeetings',
  representationMeetingAttendees.personId,
  representationMeetingAttendees.meetingId,
);

/** The meetings the person attended, as stored (their export, art. 15). */
export const meetingsAttendedExport: PersonExportPart = {
  kind: 'representation_meeting',
  name: 'meetingsAttended',
  async rows(db, personId) {
    const result = await db.execute(
      sql`select to_jsonb(m) as row from ${representationMeetings} m
           where m.id in (select meeting_id from ${representationMeetingAttendees} where person_id = ${personId})
           order by m.held_on`,
    );
    return (result as unknown as { rows: { row: Record<string, unknown> }[] }).rows.map((r) => r.row);
  },
};

/** A meeting's notes may name the people who attended: their names become `[…]` on erasure. */
export const meetingNotesErasure = namesInText(
  'representation_meeting',
  'meetingNotes',
  representationMeetings.notes,
  (personId) =>
    sql`select meeting_id from ${representationMeetingAttendees} where person_id = ${personId}::uuid`,
);
