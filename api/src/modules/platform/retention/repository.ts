import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { retentionRuns } from '../../../db/schema/index.js';

export type RetentionRunRow = typeof retentionRuns.$inferSelect;

/**
 * Takes the policy's lock until the transaction ends, or answers false at once when another
 * transaction (another instance of the app) holds it.
 */
export async function tryLockPolicy(tx: Executor, policyId: string): Promise<boolean> {
  const result = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext(${`retention:${policyId}`})) as locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return result.rows[0]?.locked === true;
}

export async function insertRetentionRun(db: Executor, run: typeof retentionRuns.$inferInsert) {
  const [row] = await db.insert(retentionRuns).values(run).returning();
  return row!;
}

/** The latest runs, newest first, of one policy or of all. */
export async function listRetentionRuns(db: Executor, { policy, limit }: { policy?: string; limit: number }) {
  return db
    .select()
    .from(retentionRuns)
    .where(policy ? eq(retentionRuns.policy, policy) : undefined)
    .orderBy(desc(retentionRuns.startedAt))
    .limit(limit);
}
