import type { RetentionPolicyRun, RetentionPolicyRunList } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Db, Executor } from '../../../db/client.js';
import { ConflictError } from '../../../errors.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { audit, auditAnonymous } from '../audit/service.js';
import type { RetentionConfig, RetentionPolicy } from './policy.js';
import { insertRetentionRun, listRetentionRuns, tryLockPolicy, type RetentionRunRow } from './repository.js';

export type { RetentionRunRow };

/** What one pass answered: its recorded run (null: a scheduled pass that removed nothing). */
export type PassResult = { status: 'done'; run: RetentionRunRow | null } | { status: 'already_running' };

export const toPolicyRun = (r: RetentionRunRow): RetentionPolicyRun => ({
  id: r.id,
  policy: r.policy,
  trigger: r.trigger,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
  counts: r.counts,
  error: r.error,
});

/**
 * Runs one policy in a transaction holding its PostgreSQL advisory lock, so that two instances
 * of the app never run it at once: the second answers `already_running` and does nothing.
 * A pass that removed something, and any manual pass, is recorded in `retention_runs` and
 * audited with what it removed; a failed pass removes nothing (rolled back) and is recorded with
 * its error.
 */
export async function runRetentionPolicy(
  db: Db,
  policy: RetentionPolicy,
  {
    trigger,
    today = todayInBrussels(),
    config,
    ctx,
  }: {
    trigger: 'schedule' | 'manual';
    today?: string;
    /** The delays the policies read (app.config). */
    config: RetentionConfig;
    ctx?: Pick<ServiceContext, 'actor' | 'ip'>;
  },
): Promise<PassResult> {
  const startedAt = new Date();
  const trace = (tx: Executor, row: RetentionRunRow) => {
    const entry = {
      action: 'delete' as const,
      resourceType: policy.runKind,
      resourceId: row.id,
      details: { policy: policy.id, trigger, counts: row.counts, error: row.error !== null },
    };
    return ctx
      ? audit(tx, ctx, entry)
      : auditAnonymous(tx, { ...entry, actorId: null, actorEmail: null, ip: null });
  };
  try {
    return await db.transaction(async (tx): Promise<PassResult> => {
      if (!(await tryLockPolicy(tx, policy.id))) return { status: 'already_running' };
      const outcome = await policy.apply(tx, { today, config });
      const removed = Object.values(outcome.counts).reduce((a, b) => a + b, 0);
      if (trigger === 'schedule' && removed === 0) return { status: 'done', run: null };
      const row = await insertRetentionRun(tx, {
        policy: policy.id,
        runKind: policy.runKind,
        trigger,
        startedAt,
        finishedAt: new Date(),
        counts: outcome.counts,
        details: outcome.details,
      });
      await trace(tx, row);
      return { status: 'done', run: row };
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.transaction(async (tx) => {
      const row = await insertRetentionRun(tx, {
        policy: policy.id,
        runKind: policy.runKind,
        trigger,
        startedAt,
        finishedAt: new Date(),
        error: message.slice(0, 500),
      });
      await trace(tx, row);
    });
    throw err;
  }
}

/** Runs a policy now for someone the matrix lets delete its records; 409 while it runs elsewhere. */
export async function runRetentionNow(
  ctx: ServiceContext,
  policy: RetentionPolicy,
  config: RetentionConfig,
): Promise<RetentionRunRow> {
  const result = await runRetentionPolicy(ctx.db, policy, { trigger: 'manual', ctx, config });
  if (result.status === 'already_running')
    throw new ConflictError(`The retention policy ${policy.id} is already running`);
  return result.run!;
}

/** Every policy's runs, newest first: for administrators. */
export async function listAllRetentionRuns({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<RetentionPolicyRunList> {
  assertCan(ctx.actor, 'audit_log', 'read');
  const rows = await listRetentionRuns(ctx.db, { limit: 200 });
  return { items: rows.map(toPolicyRun) };
}

/** One policy's runs, for its module's own screen (the module checks its access first). */
export function listPolicyRuns(db: Executor, policyId: string) {
  return listRetentionRuns(db, { policy: policyId, limit: 100 });
}
