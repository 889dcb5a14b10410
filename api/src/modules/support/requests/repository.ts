import { randomInt } from 'node:crypto';
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SupportDueBucket, SupportStatus } from '@smes/shared';
import type { Visibility } from '../../../access/scope.js';
import { affectedRows, type Executor } from '../../../db/client.js';
import { pairLink, type MergeLink } from '../../../db/merge-links.js';
import { namesInText, type PersonExportPart } from '../../../db/person-rights.js';
import { visibleRows } from '../../../db/scope.js';
import {
  supportInterventions,
  supportPersons,
  supportReferrals,
  supportRequests,
  users,
} from '../../../db/schema/index.js';

export type RequestRow = typeof supportRequests.$inferSelect;
export type PersonRow = typeof supportPersons.$inferSelect;
export type InterventionRow = typeof supportInterventions.$inferSelect;

// Codes shown instead of names: no 0/O or 1/I to misread on the phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newCode = (prefix: string) =>
  `${prefix}-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

// ---- persons concerned

export async function insertPerson(db: Executor, input: typeof supportPersons.$inferInsert) {
  const [row] = await db.insert(supportPersons).values(input).returning();
  return row!;
}

export async function findPerson(db: Executor, id: string) {
  const [row] = await db.select().from(supportPersons).where(eq(supportPersons.id, id)).limit(1);
  return row;
}

export async function updatePerson(
  db: Executor,
  id: string,
  patch: Partial<typeof supportPersons.$inferInsert>,
) {
  await db
    .update(supportPersons)
    .set({ ...patch, version: sql`${supportPersons.version} + 1` })
    .where(eq(supportPersons.id, id));
}

/** What a search looks for: "Q.Z." is found by "qz", "P-7KQ2XA" by "7kq2". */
export const searchKey = (q: string) => q.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Persons concerned whose code holds `q`, or whose initials start with it (letters and digits only). */
export async function searchPersons(
  db: Executor,
  visible: Visibility,
  q: string,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const key = searchKey(q);
  const folded = (column: AnyPgColumn) => sql`regexp_replace(lower(${column}), '[^a-z0-9]', '', 'g')`;
  const byInitials = sql`${folded(supportPersons.initials)} like ${`${key}%`}`;
  const where = and(
    key.length >= 3 ? or(sql`${folded(supportPersons.code)} like ${`%${key}%`}`, byInitials) : byInitials,
    visibleRows(visible),
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(supportPersons)
      .where(where)
      .orderBy(asc(supportPersons.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(supportPersons).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function requestCounts(db: Executor, personIds: string[]) {
  if (!personIds.length) return new Map<string, number>();
  const rows = await db
    .select({ personId: supportRequests.personId, n: count() })
    .from(supportRequests)
    .where(inArray(supportRequests.personId, personIds))
    .groupBy(supportRequests.personId);
  return new Map(rows.map((r) => [r.personId, r.n]));
}

export async function personsByIds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(supportPersons).where(inArray(supportPersons.id, ids));
}

// ---- requests

export async function insertRequest(db: Executor, input: typeof supportRequests.$inferInsert) {
  const [row] = await db.insert(supportRequests).values(input).returning();
  return row!;
}

export async function findRequest(db: Executor, id: string) {
  const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id)).limit(1);
  return row;
}

export async function updateRequest(
  db: Executor,
  id: string,
  patch: Partial<typeof supportRequests.$inferInsert>,
) {
  if (!Object.keys(patch).length) return findRequest(db, id);
  const [row] = await db.update(supportRequests).set(patch).where(eq(supportRequests.id, id)).returning();
  return row;
}

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

const unanswered = and(isNull(supportRequests.firstAnswerOn), ne(supportRequests.status, 'closed'));

/** The condition of a due board bucket on day `on`. */
export function dueBucket(bucket: SupportDueBucket, on: string): SQL {
  switch (bucket) {
    case 'today':
      return and(unanswered, eq(supportRequests.dueOn, on))!;
    case 'this_week':
      return and(
        unanswered,
        gte(supportRequests.dueOn, addDays(on, 1)),
        lte(supportRequests.dueOn, addDays(on, 7)),
      )!;
    case 'overdue':
      return and(unanswered, lt(supportRequests.dueOn, on))!;
    case 'answered':
      return and(
        gte(supportRequests.firstAnswerOn, addDays(on, -6)),
        lte(supportRequests.firstAnswerOn, on),
      )!;
  }
}

export async function listRequests(
  db: Executor,
  visible: Visibility,
  filters: { status?: SupportStatus; due?: SupportDueBucket; on: string; personId?: string },
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = and(
    filters.status ? eq(supportRequests.status, filters.status) : undefined,
    filters.due ? dueBucket(filters.due, filters.on) : undefined,
    filters.personId ? eq(supportRequests.personId, filters.personId) : undefined,
    visibleRows(visible),
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(supportRequests)
      .where(where)
      .orderBy(desc(supportRequests.receivedAt), asc(supportRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(supportRequests).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** At most this many requests in each bucket of the due board: a board, not an archive. */
export const BOARD_BUCKET_LIMIT = 200;

/**
 * The due board on day `on` in one statement: the four buckets (disjoint: the three unanswered
 * ones by due day, answered by its first answer's day), each soonest due first and cut at
 * BOARD_BUCKET_LIMIT, with the person concerned's code (null when row security hides it).
 */
export async function boardRows(db: Executor, visible: Visibility, on: string) {
  const buckets: SupportDueBucket[] = ['today', 'this_week', 'overdue', 'answered'];
  const bucketOf = sql<SupportDueBucket>`case ${sql.join(
    buckets.map((b) => sql`when ${dueBucket(b, on)} then ${b}`),
    sql` `,
  )} end`;
  const ranked = db
    .select({
      ...getTableColumns(supportRequests),
      personCode: sql<string | null>`${supportPersons.code}`.as('person_code'),
      bucket: bucketOf.as('bucket'),
      place:
        sql<number>`row_number() over (partition by ${bucketOf} order by ${supportRequests.dueOn}, ${supportRequests.receivedAt})`.as(
          'place',
        ),
    })
    .from(supportRequests)
    .leftJoin(supportPersons, eq(supportPersons.id, supportRequests.personId))
    .where(and(or(...buckets.map((b) => dueBucket(b, on))), visibleRows(visible)))
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.place, BOARD_BUCKET_LIMIT)).orderBy(asc(ranked.place));
}

/** The same professional's earlier requests (by their directory record). */
export const earlierRequests = (db: Executor, row: RequestRow) =>
  row.requesterPersonId
    ? db
        .select({
          id: supportRequests.id,
          code: supportRequests.code,
          receivedAt: supportRequests.receivedAt,
          status: supportRequests.status,
        })
        .from(supportRequests)
        .where(
          and(
            eq(supportRequests.requesterPersonId, row.requesterPersonId),
            lt(supportRequests.receivedAt, row.receivedAt),
          ),
        )
        .orderBy(desc(supportRequests.receivedAt))
        .limit(20)
    : Promise.resolve([]);

// ---- interventions and referrals

export const interventionsOf = (db: Executor, requestIds: string[]) =>
  requestIds.length
    ? db
        .select()
        .from(supportInterventions)
        .where(inArray(supportInterventions.requestId, requestIds))
        .orderBy(asc(supportInterventions.heldOn), asc(supportInterventions.createdAt))
    : Promise.resolve([] as InterventionRow[]);

export async function insertIntervention(db: Executor, input: typeof supportInterventions.$inferInsert) {
  const [row] = await db.insert(supportInterventions).values(input).returning();
  return row!;
}

export async function updateIntervention(
  db: Executor,
  requestId: string,
  id: string,
  patch: Partial<typeof supportInterventions.$inferInsert>,
) {
  const where = and(eq(supportInterventions.id, id), eq(supportInterventions.requestId, requestId));
  if (!Object.keys(patch).length) {
    const [row] = await db.select().from(supportInterventions).where(where);
    return row;
  }
  const [row] = await db.update(supportInterventions).set(patch).where(where).returning();
  return row;
}

export const referralsOf = (db: Executor, requestId: string) =>
  db
    .select({ organisationId: supportReferrals.organisationId })
    .from(supportReferrals)
    .where(eq(supportReferrals.requestId, requestId));

export async function setReferrals(db: Executor, requestId: string, organisationIds: string[]) {
  await db.delete(supportReferrals).where(eq(supportReferrals.requestId, requestId));
  if (organisationIds.length) {
    await db
      .insert(supportReferrals)
      .values(organisationIds.map((organisationId) => ({ requestId, organisationId })));
  }
}

/** Staff as Support records name them; `supportOnly` keeps the Support pole's coordinators and workers. */
export async function staff(db: Executor, ids: string[], { supportOnly = false } = {}) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        inArray(users.id, ids),
        supportOnly
          ? sql`${users.role} in ('coordinator', 'worker') and 'support' = any(${users.poles}) and not ${users.disabled}`
          : undefined,
      ),
    );
}

/** The Support pole's active coordinators and workers, by name: who may answer or go out in a pair. */
export const supportStaff = (db: Executor) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      sql`${users.role} in ('coordinator', 'worker') and 'support' = any(${users.poles}) and not ${users.disabled}`,
    )
    .orderBy(asc(users.displayName), asc(users.id));

/** A merged organisation's referrals follow the kept one; both referred: the kept one's stays. */
export const referralsLink: MergeLink = pairLink(
  'support_request',
  'supportReferrals',
  supportReferrals.organisationId,
  supportReferrals.requestId,
);

/** The impasse of a professional's requests may name them: their names become `[…]` on erasure. */
export const impasseErasure = namesInText(
  'support_request',
  'supportImpasse',
  supportRequests.impasse,
  (personId) => sql`select id from ${supportRequests} where requester_person_id = ${personId}::uuid`,
);

/** So may the notes of those requests' interventions: their names become `[…]` there too. */
export const interventionNotesErasure = namesInText(
  'support_request',
  'supportInterventionNotes',
  supportInterventions.notes,
  (personId) =>
    sql`select i.id from ${supportInterventions} i join ${supportRequests} r on r.id = i.request_id
         where r.requester_person_id = ${personId}::uuid`,
);

/**
 * The requests a person of the directory made as a professional, for their art. 15 export: only
 * their own facts (when, how, from which organisation, how it ended). The impasse, the person
 * concerned and the interventions are about someone else, and stay out (decision 24).
 */
export const requestsMadeExport: PersonExportPart = {
  kind: 'support_request',
  name: 'supportRequests',
  async rows(db, personId) {
    const result = await db.execute(
      sql`select to_jsonb(t) as row from (
            select id, code, received_at, channel, requester_organisation_id, status, closed_on
              from ${supportRequests} where requester_person_id = ${personId}::uuid
             order by received_at, id) t`,
    );
    return (result as unknown as { rows: { row: Record<string, unknown> }[] }).rows.map((r) => r.row);
  },
};

/**
 * Retention (issue 15): requests closed before `cutoff` lose their free text and the requester's
 * contact details (impasse, a non-professional's name and call-back, intervention notes); what
 * the figures count stays (dates, channel, sectors, the person's gender and age band, outcome).
 * A person concerned whose every request was closed before it loses their initials, housing and
 * language. Each row blanked gets a new version (an edit open on it is then stale). Idempotent.
 */
export async function blankClosedBefore(db: Executor, cutoff: string) {
  const expired = sql`select id from ${supportRequests} where status = 'closed' and closed_on < ${cutoff}::date`;
  const requests = affectedRows(
    await db.execute(
      sql`update ${supportRequests} r
             set impasse = null, requester_name = null, requester_call_back = null, version = r.version + 1
           where r.id in (${expired})
             and (r.impasse is not null or r.requester_name is not null or r.requester_call_back is not null
                  or exists (select 1 from ${supportInterventions} i
                              where i.request_id = r.id and i.notes is not null))`,
    ),
  );
  const interventions = affectedRows(
    await db.execute(
      sql`update ${supportInterventions} set notes = null where notes is not null and request_id in (${expired})`,
    ),
  );
  const persons = affectedRows(
    await db.execute(
      sql`update ${supportPersons} p
             set initials = null, housing = 'unknown', language = null, version = p.version + 1
           where (p.initials is not null or p.housing <> 'unknown' or p.language is not null)
             and not exists (select 1 from ${supportRequests} r where r.person_id = p.id
                              and (r.status <> 'closed' or r.closed_on >= ${cutoff}::date))`,
    ),
  );
  return { requests, interventions, persons };
}

// ---- the request-log import (decision 30)

/** The persons concerned these codes name, whatever their case (a log may write `p-abc123`). */
export async function personsByCodes(db: Executor, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ id: supportPersons.id, code: supportPersons.code })
    .from(supportPersons)
    .where(
      inArray(
        sql`upper(${supportPersons.code})`,
        codes.map((c) => c.toUpperCase()),
      ),
    );
}

/** The requests already imported under these numbers of the team's log. */
export async function requestsByLogNumbers(db: Executor, numbers: string[]) {
  if (!numbers.length) return [];
  return db.select().from(supportRequests).where(inArray(supportRequests.logNumber, numbers));
}

/** The requests received in a span (a day's margin either side for Brussels' offset). */
export async function requestsReceivedBetween(db: Executor, from: Date, to: Date) {
  return db
    .select()
    .from(supportRequests)
    .where(and(gte(supportRequests.receivedAt, from), lt(supportRequests.receivedAt, to)));
}

/** Support's staff (who may give a first answer), to find one by e-mail or name. */
export async function supportStaffIndex(db: Executor) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(
      sql`${users.role} in ('coordinator', 'worker') and 'support' = any(${users.poles}) and not ${users.disabled}`,
    );
}
