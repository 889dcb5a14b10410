import type { RetentionRun, RetentionRunList } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Db } from '../../../db/client.js';
import type { ServiceContext } from '../../../types.js';
import { defineRetentionPolicy, type RetentionConfig } from '../../platform/retention/policy.js';
import {
  listPolicyRuns,
  runRetentionNow as runPolicyNow,
  runRetentionPolicy,
  type RetentionRunRow,
} from '../../platform/retention/service.js';
import { groupsOfCyclesEndedBefore, removeParticipants } from './repository.js';

type CycleCount = { cycleId: string; name: string; registrations: number };

/**
 * Smes keeps intervision data until the end of the cycle's year (the year the cycle ends in;
 * decision 6). From the 1st of January after it, each registration of the cycle loses its
 * participant (the link to the person, and so their name and contact details) and its payment
 * reference; the registration, its organisation, fee, payment date and attendance stay, so every
 * figure of the cycle stays true.
 */
export const intervisionRetention = defineRetentionPolicy({
  id: 'intervision.participants',
  recordKind: 'intervision_registration',
  runKind: 'intervision_retention_run',
  removes: "the registration's participant and payment reference (the registration stays)",
  after: 'the end of the calendar year the cycle ends in (from the 1st of January after it)',
  async apply(tx, { today }) {
    const cutoff = `${today.slice(0, 4)}-01-01`;
    const expired = await groupsOfCyclesEndedBefore(tx, cutoff);
    const removed = await removeParticipants(
      tx,
      expired.map((e) => e.groupId),
      today,
    );
    const perCycle = new Map<string, CycleCount>();
    for (const r of removed) {
      const e = expired.find((x) => x.groupId === r.groupId)!;
      const entry = perCycle.get(e.cycleId) ?? { cycleId: e.cycleId, name: e.name, registrations: 0 };
      entry.registrations += 1;
      perCycle.set(e.cycleId, entry);
    }
    return { counts: { registrations: removed.length }, details: { cutoff, cycles: [...perCycle.values()] } };
  },
});

/** A run of this policy as the Intervision page shows it. */
const toRun = (r: RetentionRunRow): RetentionRun => ({
  id: r.id,
  ranAt: r.startedAt.toISOString(),
  trigger: r.trigger,
  cutoff: String(r.details.cutoff ?? r.startedAt.toISOString().slice(0, 10)),
  cycles: (r.details.cycles as CycleCount[] | undefined) ?? [],
  removed: r.counts.registrations ?? 0,
});

/** One pass now, as the scheduler runs it (tests choose the day); null when nothing was removed. */
export async function removeExpiredParticipants(
  db: Db,
  { trigger, today, config }: { trigger: 'schedule' | 'manual'; today?: string; config: RetentionConfig },
): Promise<RetentionRun | null> {
  const result = await runRetentionPolicy(db, intervisionRetention, { trigger, today, config });
  return result.status === 'done' && result.run ? toRun(result.run) : null;
}

/** Runs the retention now, for a coordinator or an administrator, and says what it removed. */
export async function runRetentionNow({
  ctx,
  config,
}: {
  ctx: ServiceContext;
  config: RetentionConfig;
}): Promise<RetentionRun> {
  assertCan(ctx.actor, 'intervision', 'delete');
  return toRun(await runPolicyNow(ctx, intervisionRetention, config));
}

/** The policy's runs that completed (failed ones are for administrators: GET /api/retention-runs). */
export async function listRetentionRuns({ ctx }: { ctx: ServiceContext }): Promise<RetentionRunList> {
  assertCan(ctx.actor, 'intervision', 'read');
  const rows = await listPolicyRuns(ctx.db, intervisionRetention.id);
  return { items: rows.filter((r) => r.error === null).map(toRun) };
}
