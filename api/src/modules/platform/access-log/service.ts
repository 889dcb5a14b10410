import type { AccessLogEntry, AccessLogList, AccessLogQuery, RecordKind } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { ServiceContext } from '../../../types.js';
import { listAccessLog, whoHasSeen, type AccessLogRow } from './repository.js';

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
  return { items: items.map(toAccessLogEntry), total, page, pageSize };
}

/** Every read of one record, newest first (art. 15: who has seen this person's record). */
export async function recordReaders(ctx: ServiceContext, kind: RecordKind, recordId: string) {
  assertCan(ctx.actor, 'audit_log', 'read');
  return (await whoHasSeen(ctx.db, kind, recordId)).map(toAccessLogEntry);
}
