import type { AuditEntry, AuditList, AuditQuery } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import type { ServiceContext } from '../../../types.js';
import { assertCan } from '../../../access/assert-can.js';
import { insertAuditEntry, listAuditEntries, type NewAuditEntry } from './repository.js';

/** An audit row as the API answers it (the audit page and a person's art. 15 export). */
export function toAuditEntry(r: Awaited<ReturnType<typeof listAuditEntries>>['items'][number]): AuditEntry {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorEmail: r.actorEmail,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    ip: r.ip,
    purpose: r.purpose,
    details: r.details,
  };
}

type Entry = Omit<NewAuditEntry, 'actorId' | 'actorEmail' | 'ip'>;

/**
 * Writes one audit entry for what `ctx.actor` did. Pass the transaction the change runs in, so
 * that the change and its trace land together or not at all.
 */
export function audit(executor: Executor, ctx: Pick<ServiceContext, 'actor' | 'ip'>, entry: Entry) {
  return insertAuditEntry(executor, {
    ...entry,
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    ip: ctx.ip,
  });
}

/**
 * What a change touched, by field name only. The audit log is append-only, so retention can
 * never reach what it holds: payment references, notes and reasons must not be copied into it.
 */
export function changedFields(input: object): { fields: string[] } {
  return { fields: Object.keys(input).sort() };
}

/** For events with no signed-in actor yet (a failed sign-in, a replayed token). */
export function auditAnonymous(executor: Executor, entry: NewAuditEntry) {
  return insertAuditEntry(executor, entry);
}

export async function listAudit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditQuery;
}): Promise<AuditList> {
  assertCan(ctx.actor, 'audit_log', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { items, total } = await listAuditEntries(ctx.db, { ...input, page, pageSize });
  return {
    items: items.map(toAuditEntry),
    total,
    page,
    pageSize,
  };
}
