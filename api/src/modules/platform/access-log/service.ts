import type { AccessLogEntry, AccessLogList, AccessLogQuery, RecordKind } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { ServiceContext } from '../../../types.js';
import { listAccessLog, parentsOf, whoHasSeen, type AccessLogRow } from './repository.js';

export const toAccessLogEntry = (r: AccessLogRow): AccessLogEntry => ({
  id: r.id.toString(),
  at: r.at.toISOString(),
  userId: r.userId,
  userName: r.userName ?? null,
  role: r.role,
  kind: r.kind,
  recordIds: r.recordIds,
  purpose: r.purpose,
  reason: r.reason,
  flagged: r.flagged,
  parentId: null,
});

/** The access log for administrators: by record (who has seen it), by reader, flagged reads. */
export async function listAccessLogEntries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AccessLogQuery;
}): Promise<AccessLogList> {
  assertCan(ctx.actor, 'audit_log', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { items, total } = await listAccessLog(ctx.db, { ...input, page, pageSize });
  const entries = items.map(toAccessLogEntry);
  // A read of one record shown on another's page (a registration on its group's) links there.
  const single = new Map<RecordKind, string[]>();
  for (const e of entries)
    if (e.recordIds.length === 1) single.set(e.kind, [...(single.get(e.kind) ?? []), e.recordIds[0]!]);
  for (const [kind, ids] of single) {
    const parents = await parentsOf(ctx.db, kind, ids);
    for (const e of entries)
      if (e.kind === kind && e.recordIds.length === 1) e.parentId = parents.get(e.recordIds[0]!) ?? null;
  }
  return { items: entries, total, page, pageSize };
}

/** Every read of one record, newest first (art. 15: who has seen this person's record). */
export async function recordReaders(ctx: ServiceContext, kind: RecordKind, recordId: string) {
  assertCan(ctx.actor, 'audit_log', 'read');
  return (await whoHasSeen(ctx.db, kind, recordId)).map(toAccessLogEntry);
}
