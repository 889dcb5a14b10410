import type { Config } from '../../../config.js';
import type { Executor } from '../../../db/client.js';
import { TooManyRequestsError } from '../../../errors.js';
import { auditAnonymous } from '../audit/service.js';
import * as repo from './repository.js';

type Limits = Pick<
  Config,
  | 'LOGIN_MAX_FAILURES'
  | 'LOGIN_MAX_FAILURES_PER_IP'
  | 'LOGIN_BACKOFF_SECONDS'
  | 'LOGIN_BACKOFF_MAX_MINUTES'
  | 'LOGIN_WINDOW_MINUTES'
>;

/** The address-wide bucket: an empty e-mail, which no account can have. */
const ANY_EMAIL = '';

/**
 * Charges one password check to the address and to the e-mail-and-address pair, before the
 * password is looked at; throws 429 with Retry-After when either is blocked. Keyed on the pair,
 * someone failing from one address never locks the owner out from another.
 */
export async function chargePasswordCheck(
  db: Executor,
  config: Limits,
  attempt: { email: string; ip: string; userId?: string | null },
): Promise<void> {
  const rule = (max: number): repo.ThrottleRule => ({
    max,
    windowSeconds: config.LOGIN_WINDOW_MINUTES * 60,
    backoffSeconds: config.LOGIN_BACKOFF_SECONDS,
    backoffMaxSeconds: config.LOGIN_BACKOFF_MAX_MINUTES * 60,
  });
  const checks = [
    { by: 'pair', key: { email: attempt.email, ip: attempt.ip }, rule: rule(config.LOGIN_MAX_FAILURES) },
    { by: 'ip', key: { email: ANY_EMAIL, ip: attempt.ip }, rule: rule(config.LOGIN_MAX_FAILURES_PER_IP) },
  ] as const;
  // The pair first: attempts it refuses never use up the address's allowance.
  for (const { by, key, rule: r } of checks) {
    const blocked = await repo.chargeAttempt(db, key, r);
    if (!blocked) continue;
    const retryAfter = Math.max(1, Math.ceil((blocked.blockedUntil.getTime() - Date.now()) / 1000));
    await auditAnonymous(db, {
      actorId: attempt.userId ?? null,
      actorEmail: attempt.email,
      action: 'login_throttled',
      resourceType: 'sign_in_session',
      ip: attempt.ip,
      details: { by, retryAfter },
    });
    throw new TooManyRequestsError(retryAfter);
  }
}

/** The right password: the pair starts afresh and the address gets its attempt back. */
export async function forgetFailures(db: Executor, config: Limits, attempt: { email: string; ip: string }) {
  await repo.clearAttempts(db, attempt);
  await repo.refundAttempt(db, { email: ANY_EMAIL, ip: attempt.ip }, config.LOGIN_MAX_FAILURES_PER_IP);
}
