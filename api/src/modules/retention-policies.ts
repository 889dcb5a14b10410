import { intervisionRetention } from './connect/intervision/retention.js';
import { accessLogRetention } from './platform/access-log/retention.js';
import type { RetentionPolicy } from './platform/retention/policy.js';
import { supportRetention } from './support/requests/retention.js';

/**
 * Every retention policy, declared by the module that owns its records (`<module>/retention.ts`).
 * The scheduler (platform/retention) runs each in turn under its own advisory lock.
 */
export const RETENTION_POLICIES: readonly RetentionPolicy[] = [
  intervisionRetention,
  accessLogRetention,
  supportRetention,
];
