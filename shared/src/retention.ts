import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from './common.js';

/**
 * One pass of a retention policy (api/src/modules/retention-policies.ts): a pass that removed
 * something, any manual pass, or a pass that failed (`error`, nothing removed).
 */
export const RetentionPolicyRun = Type.Object({
  id: Uuid,
  /** The policy's id, e.g. `intervision.participants`. */
  policy: Type.String(),
  trigger: Type.Enum(['schedule', 'manual']),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime,
  /** What was removed or blanked, per thing the policy names (e.g. `registrations`). */
  counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type RetentionPolicyRun = Static<typeof RetentionPolicyRun>;

export const RetentionPolicyRunList = Type.Object({ items: Type.Array(RetentionPolicyRun) });
export type RetentionPolicyRunList = Static<typeof RetentionPolicyRunList>;
