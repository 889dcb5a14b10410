import type { RecordKind } from '@smes/shared';
import type { Config } from '../../../config.js';
import type { Executor } from '../../../db/client.js';

/** The settings policies read (their delays), from the validated configuration. */
export type RetentionConfig = Pick<Config, 'SUPPORT_RETENTION_YEARS'>;

/** What one pass of a policy removed: counts per thing it names, and what it wants kept about it. */
export interface RetentionOutcome {
  counts: Record<string, number>;
  /** Kept with the run (no personal data: ids, names of cycles, the cutoff day). */
  details: Record<string, unknown>;
}

/**
 * A retention policy, declared by the module that owns the records (`<module>/retention.ts`) and
 * listed in api/src/modules/retention-policies.ts. The scheduler runs `apply` in a transaction
 * under the policy's advisory lock, records the run and audits it.
 */
export interface RetentionPolicy {
  /** Stable id, kept with each run: `<module>.<what>`. */
  id: string;
  /** The kind of record it removes or blanks. */
  recordKind: RecordKind;
  /**
   * The kind its runs are kept and audited under: its pole's, so that row security shows a
   * pole's runs to that pole only (`*_retention_run`).
   */
  runKind: Extract<RecordKind, `${string}_retention_run`>;
  /** What is removed or blanked (for the README and the runs list). */
  removes: string;
  /** After which event and delay. */
  after: string;
  /** Removes what has expired on `today` (Brussels' calendar day); idempotent. */
  apply(tx: Executor, opts: { today: string; config: RetentionConfig }): Promise<RetentionOutcome>;
}

export const defineRetentionPolicy = (policy: RetentionPolicy): RetentionPolicy => policy;
