import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditAction, RecordKind } from '@smes/shared';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, so the application cannot
 * rewrite history even by mistake. No foreign key to users: the trail outlives the accounts.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').$type<AuditAction>().notNull(),
    resourceType: text('resource_type').$type<RecordKind>().notNull(),
    resourceId: text('resource_id'),
    ip: text('ip'),
    purpose: text('purpose'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_resource_idx').on(t.resourceType, t.resourceId),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);
