import { and, arrayContains, count, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AccessLogQuery, Purpose, RecordKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { RECORD_TABLES } from '../../../db/record-tables.js';
import { accessLog, users } from '../../../db/schema/index.js';

export type AccessLogRow = typeof accessLog.$inferSelect & { userName?: string | null };

export interface NewAccessLogEntry {
  userId: string;
  role: string;
  kind: RecordKind;
  /** The ids read (a record, or the page of a list); never names or values. */
  recordIds: string[];
  purpose: Purpose;
  reason?: string | null;
  flagged?: boolean;
}

export async function insertAccessLogEntry(db: Executor, entry: NewAccessLogEntry) {
  await db.insert(accessLog).values(entry);
}

export async function listAccessLog(
  db: Executor,
  query: AccessLogQuery & { page: number; pageSize: number },
) {
  const conds: SQL[] = [];
  if (query.kind) conds.push(eq(accessLog.kind, query.kind));
  if (query.recordId) conds.push(arrayContains(accessLog.recordIds, [query.recordId]));
  if (query.userId) conds.push(eq(accessLog.userId, query.userId));
  if (query.flagged !== undefined) conds.push(eq(accessLog.flagged, query.flagged));
  const where = conds.length ? and(...conds) : undefined;
  const items = await db
    .select({ ...getTableColumns(accessLog), userName: users.displayName })
    .from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.userId))
    .where(where)
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(accessLog).where(where);
  return { items, total: total?.n ?? 0 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record each of `ids` is shown on, for a kind whose page is another's (a registration on
 * its group's page): id → parent id, for the rows the caller may see.
 */
export async function parentsOf(db: Executor, kind: RecordKind, ids: readonly string[]) {
  const found = new Map<string, string>();
  const entry = RECORD_TABLES[kind][0];
  const wanted = ids.filter((id) => UUID.test(id));
  if (!entry?.parent || wanted.length === 0) return found;
  const id = getTableColumns(entry.table).id as AnyPgColumn;
  const rows = await db.select({ id, parent: entry.parent }).from(entry.table).where(inArray(id, wanted));
  for (const row of rows) if (row.parent) found.set(String(row.id), String(row.parent));
  return found;
}

/**
 * Who has seen a record (a data-subject request, art. 15): every read of it, as its own record
 * or on a list's page, newest first. Read as the one acting: row security shows the log to
 * administrators (and the system) only.
 */
export async function whoHasSeen(db: Executor, kind: RecordKind, recordId: string): Promise<AccessLogRow[]> {
  return db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.kind, kind), arrayContains(accessLog.recordIds, [recordId])))
    .orderBy(desc(accessLog.at), desc(accessLog.id));
}

/**
 * Removes the rows older than `keepYears` through the owner's function (the app's role may not
 * delete from the log); answers how many left.
 */
export async function expireAccessLog(db: Executor, keepYears: number): Promise<number> {
  const result = (await db.execute(sql`select smes_access_log_expire(${keepYears}) as n`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}
