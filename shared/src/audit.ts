import { Type, type Static } from 'typebox';
import { IsoDateTime, PageMeta, PageQuery, Uuid } from './common.js';
import { RecordKindSchema } from './record-kinds.js';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'login',
  'login_failed',
  'login_throttled',
  'logout',
  'refresh_reused',
  'sessions_revoked',
  'password_changed',
  'session_idle',
  'mfa_enrolled',
  'mfa_reset',
  'mfa_recovery_code_used',
  'merge',
  'import',
  'erase',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AuditActionSchema = Type.Enum(AUDIT_ACTIONS);

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: AuditActionSchema,
  /** The kind of record, named as in the registry of record kinds. */
  resourceType: RecordKindSchema,
  resourceId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Uuid),
    action: Type.Optional(AuditActionSchema),
    resourceType: Type.Optional(RecordKindSchema),
    resourceId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditList = Type.Object({ items: Type.Array(AuditEntry), ...PageMeta });
export type AuditList = Static<typeof AuditList>;
