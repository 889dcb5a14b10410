import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { representationMeetingAttendees, representationMeetings } from '../../../db/schema/index.js';

export type MeetingRow = typeof representationMeetings.$inferSelect;

const between = (from?: string, to?: string) =>
  and(
    from ? gte(representationMeetings.heldOn, from) : undefined,
    to ? lte(representationMeetings.heldOn, to) : undefined,
  );

export async function listMeetings(
  db: Executor,
  { from, to, page, pageSize }: { from?: string; to?: string; page: number; pageSize: number },
) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(representationMeetings)
      .where(between(from, to))
      .orderBy(desc(representationMeetings.heldOn), desc(representationMeetings.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(representationMeetings).where(between(from, to)),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Meetings per calendar year, over the whole log: the activity report's figure. */
export function meetingsPerYear(db: Executor) {
  const year = sql<number>`extract(year from ${representationMeetings.heldOn})::int`;
  return db
    .select({ year, meetings: count() })
    .from(representationMeetings)
    .groupBy(year)
    .orderBy(desc(year));
}

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
