import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditQuery, RecordKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { auditLog } from '../../../db/schema/index.js';

export interface NewAuditEntry {
  actorId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  /** The kind of record acted on, named as in the registry of record kinds. */
  resourceType: RecordKind;
  resourceId?: string | null;
  ip: string | null;
  purpose?: string | null;
  details?: Record<string, unknown> | null;
}

export async function insertAuditEntry(db: Executor, entry: NewAuditEntry) {
  await db.insert(auditLog).values(entry);
}

export async function listAuditEntries(db: Executor, query: AuditQuery & { page: number; pageSize: number }) {
  const conds: SQL[] = [];
  if (query.actorId) conds.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conds.push(eq(auditLog.action, query.action));
  if (query.resourceType) conds.push(eq(auditLog.resourceType, query.resourceType));
  if (query.resourceId) conds.push(eq(auditLog.resourceId, query.resourceId));
  if (query.from) conds.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) conds.push(lte(auditLog.at, new Date(query.to)));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every entry about these records (any kind), oldest first: a person's export (art. 15). */
export async function auditOfRecords(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.resourceId, [...ids]))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
