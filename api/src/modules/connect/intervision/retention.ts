import type { RetentionRun, RetentionRunList } from '@smes/shared';
// eslint-disable-next-line no-restricted-imports -- moves to a repository with the retention scheduler (issue 9's other half, in flight)
import { and, desc, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { assertCan } from '../../../access/assert-can.js';
import type { Db, Executor } from '../../../db/client.js';
import {
  intervisionCycles,
  intervisionGroups,
  intervisionRegistrations,
  intervisionRetentionRuns,
} from '../../../db/schema/index.js';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { audit, auditAnonymous } from '../../platform/audit/service.js';

type RunRow = typeof intervisionRetentionRuns.$inferSelect;

const toRun = (r: RunRow): RetentionRun => ({
  id: r.id,
  ranAt: r.ranAt.toISOString(),
  trigger: r.trigger,
  cutoff: r.cutoff,
  cycles: r.cycles,
  removed: r.removed,
});

/**
 * Smes keeps intervision data until the end of the cycle's year (the year the cycle ends in).
 * From the 1st of January after it, each registration of the cycle loses its participant (the
 * link to the person, and so their name and contact details); the registration, its
 * organisation, fee, payment and attendance stay, so every figure of the cycle stays true.
 * Returns what was removed, recorded as a run (and audited) whenever something was.
 */
export async function removeExpiredParticipants(
  db: Db,
  { trigger, today = todayInBrussels() }: { trigger: 'schedule' | 'manual'; today?: string },
  onRecorded?: (tx: Executor, run: RunRow) => Promise<unknown>,
): Promise<RetentionRun | null> {
  const cutoff = `${today.slice(0, 4)}-01-01`;
  return db.transaction(async (tx) => {
    const expired = await tx
      .select({ cycleId: intervisionCycles.id, name: intervisionCycles.name, groupId: intervisionGroups.id })
      .from(intervisionCycles)
      .innerJoin(intervisionGroups, sql`${intervisionGroups.cycleId} = ${intervisionCycles.id}`)
      .where(lt(intervisionCycles.endsOn, cutoff));
    const groupIds = expired.map((e) => e.groupId);
    const removed = groupIds.length
      ? await tx
          .update(intervisionRegistrations)
          // The payment reference goes too: a transfer's reference often carries the payer's name.
          .set({ personId: null, paymentReference: null, anonymisedOn: today })
          .where(
            and(
              inArray(intervisionRegistrations.groupId, groupIds),
              isNotNull(intervisionRegistrations.personId),
            ),
          )
          .returning({ groupId: intervisionRegistrations.groupId })
      : [];
    if (trigger === 'schedule' && removed.length === 0) return null;
    const perCycle = new Map<string, { cycleId: string; name: string; registrations: number }>();
    for (const r of removed) {
      const e = expired.find((x) => x.groupId === r.groupId)!;
      const entry = perCycle.get(e.cycleId) ?? { cycleId: e.cycleId, name: e.name, registrations: 0 };
      entry.registrations += 1;
      perCycle.set(e.cycleId, entry);
    }
    const [run] = await tx
      .insert(intervisionRetentionRuns)
      .values({ trigger, cutoff, cycles: [...perCycle.values()], removed: removed.length })
      .returning();
    if (onRecorded) await onRecorded(tx, run!);
    else {
      await auditAnonymous(tx, {
        actorId: null,
        actorEmail: null,
        ip: null,
        action: 'delete',
        resourceType: 'intervision_retention_run',
        resourceId: run!.id,
        details: { trigger, cutoff, removed: removed.length },
      });
    }
    return toRun(run!);
  });
}

/** Runs the retention now, for a coordinator or an administrator, and says what it removed. */
export async function runRetentionNow({ ctx }: { ctx: ServiceContext }): Promise<RetentionRun> {
  assertCan(ctx.actor, 'intervision', 'delete');
  const run = await removeExpiredParticipants(ctx.db, { trigger: 'manual' }, (tx, row) =>
    audit(tx, ctx, {
      action: 'delete',
      resourceType: 'intervision_retention_run',
      resourceId: row.id,
      details: { trigger: 'manual', cutoff: row.cutoff, removed: row.removed },
    }),
  );
  return run!;
}

export async function listRetentionRuns({ ctx }: { ctx: ServiceContext }): Promise<RetentionRunList> {
  assertCan(ctx.actor, 'intervision', 'read');
  const rows = await ctx.db
    .select()
    .from(intervisionRetentionRuns)
    .orderBy(desc(intervisionRetentionRuns.ranAt))
    .limit(100);
  return { items: rows.map(toRun) };
}
