import { defineRetentionPolicy } from '../retention/policy.js';
import { expireAccessLog } from './repository.js';

/**
 * How long the access log keeps a read (decision 15): five years, long enough to answer a
 * data-subject request about the last years of care and an inquiry into a leak, short enough
 * not to become a record of its own about the people read.
 */
export const ACCESS_LOG_KEEP_YEARS = 5;

export const accessLogRetention = defineRetentionPolicy({
  id: 'platform.access_log',
  recordKind: 'access_log_entry',
  runKind: 'platform_retention_run',
  removes: 'access-log rows (who read which records, why)',
  after: `${ACCESS_LOG_KEEP_YEARS} years`,
  async apply(tx) {
    const removed = await expireAccessLog(tx, ACCESS_LOG_KEEP_YEARS);
    return { counts: { reads: removed }, details: { keepYears: ACCESS_LOG_KEEP_YEARS } };
  },
});
