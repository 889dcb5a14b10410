import type { FastifyInstance } from 'fastify';
import type { LoginBody, Me, MfaVerifyBody } from '@smes/shared';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { AppError, UnauthenticatedError, ValidationError } from '../../../errors.js';
import type { AuthenticatedActor } from '../../../types.js';
import { auditAnonymous } from '../audit/service.js';
import { toMe } from '../users/mapper.js';
import { mfaRequiredFor } from './mfa-policy.js';
import { burnVerify, DEMO_PASSWORD, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { chargePasswordCheck, forgetFailures } from './throttle.js';
import { hashToken, newRefreshToken } from './tokens.js';
import { hashRecoveryCode, matchingStep, normaliseCode, openSecret } from './totp.js';

/** How long the sign-in's second step may wait after the password. */
export const MFA_CHALLENGE_SECONDS = 300;

export interface AuthDeps {
  db: Db;
  config: Config;
  /** Signs an access token; the JWT plugin's, so that the algorithm and claims stay in one place. */
  sign: FastifyInstance['jwt']['sign'];
}

export interface Issued {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: Me;
}

/** The password was right; a code must follow. */
export interface Challenge {
  mfaRequired: true;
  challenge: string;
  expiresIn: number;
}

interface Client {
  ip: string;
  userAgent: string | null;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserByEmail>>>;

const me = (config: Config, user: UserRow) => toMe(user, mfaRequiredFor(config, user));

/** Past SESSION_IDLE_MINUTES since the user's last request. */
function idle(config: Config, lastUsedAt: Date): boolean {
  return lastUsedAt.getTime() <= Date.now() - config.SESSION_IDLE_MINUTES * 60_000;
}

async function issueSession(deps: AuthDeps, user: { id: string }, sessionId: string, generation: number) {
  const { token, hash } = newRefreshToken();
  await repo.insertRefreshToken(deps.db, { tokenHash: hash, sessionId, generation });
  const accessToken = deps.sign({ sub: user.id, sid: sessionId });
  return { accessToken, refreshToken: token, expiresIn: deps.config.ACCESS_TOKEN_TTL_SECONDS };
}

export async function login(deps: AuthDeps, input: LoginBody, client: Client): Promise<Issued | Challenge> {
  const email = input.email.trim().toLowerCase();
  const user = await repo.findUserByEmail(deps.db, email);
  await chargePasswordCheck(deps.db, deps.config, { email, ip: client.ip, userId: user?.id ?? null });

  let ok = false;
  // Demo accounts copied into a production database must not open with their published password.
  const demoInProduction = deps.config.NODE_ENV === 'production' && input.password === DEMO_PASSWORD;
  if (user) ok = !demoInProduction && (await verifyPassword(user.passwordHash, input.password));
  else await burnVerify(input.password, { memoryKib: deps.config.ARGON2_MEMORY_KIB });

  if (!user || !ok || user.disabled) {
    await auditAnonymous(deps.db, {
      actorId: user?.id ?? null,
      actorEmail: email,
      action: 'login_failed',
      resourceType: 'sign_in_session',
      ip: client.ip,
      details: {
        reason: !user
          ? 'unknown_email'
          : demoInProduction
            ? 'demo_password'
            : !ok
              ? 'wrong_password'
              : 'disabled',
      },
    });
    // One answer for every cause: nobody learns which e-mails have accounts.
    throw new UnauthenticatedError('INVALID_CREDENTIALS', 'Invalid e-mail or password');
  }

  const hashing = { memoryKib: deps.config.ARGON2_MEMORY_KIB };
  const rehashed = needsRehash(user.passwordHash, hashing)
    ? await hashPassword(input.password, hashing)
    : null;
  if (rehashed) await repo.updatePasswordHash(deps.db, user.id, rehashed);

  if (user.totpEnabledAt) {
    // The password alone opens nothing. Its charged attempt stays counted until the code is
    // right, so a guessed password cannot be used to wipe the count between code guesses.
    const { token, hash } = newRefreshToken();
    await repo.createChallenge(deps.db, {
      tokenHash: hash,
      userId: user.id,
      expiresAt: new Date(Date.now() + MFA_CHALLENGE_SECONDS * 1000),
    });
    return { mfaRequired: true, challenge: token, expiresIn: MFA_CHALLENGE_SECONDS };
  }
  return startSession(deps, user, client, { email, factor: 'password' });
}

/** A new session for a user who proved who they are; their failures are forgotten. */
async function startSession(
  deps: AuthDeps,
  user: UserRow,
  client: Client,
  how: { email: string; factor: 'password' | 'totp' | 'recovery_code' },
): Promise<Issued> {
  const refreshExpiresAt = new Date(Date.now() + deps.config.SESSION_MAX_HOURS * 3_600_000);
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const session = await repo.createSession(tx, {
      userId: user.id,
      expiresAt: refreshExpiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    const issued = await issueSession(txDeps, user, session.id, 1);
    await repo.markLoggedIn(tx, user.id);
    await forgetFailures(tx, deps.config, { email: how.email, ip: client.ip });
    await auditAnonymous(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'login',
      resourceType: 'sign_in_session',
      resourceId: session.id,
      ip: client.ip,
      ...(how.factor === 'password' ? {} : { details: { factor: how.factor } }),
    });
    return { ...issued, refreshExpiresAt, user: me(deps.config, user) };
  });
}

/**
 * The sign-in's second step: the challenge from the password step with a code from the app (a
 * step not used before) or an unused recovery code. Each try is counted like a password check.
 */
export async function verifyMfa(deps: AuthDeps, input: MfaVerifyBody, client: Client): Promise<Issued> {
  const challengeHash = hashToken(input.challenge);
  const found = await repo.findChallenge(deps.db, challengeHash);
  const user = found ? await repo.findUserById(deps.db, found.userId) : undefined;
  if (!found || !user || user.disabled || !user.totpSecret) {
    throw new AppError('CHALLENGE_EXPIRED', 401, 'Sign in again with the password');
  }
  const hasCode = input.code !== undefined;
  if (hasCode === (input.recoveryCode !== undefined)) {
    throw new ValidationError([{ field: 'code', code: 'required' }], 'Give a code or a recovery code');
  }
  const code = hasCode ? normaliseCode(input.code!) : null;
  if (hasCode && !code) throw new ValidationError([{ field: 'code', code: 'format' }]);

  await chargePasswordCheck(deps.db, deps.config, { email: user.email, ip: client.ip, userId: user.id });
  const fail = async (
    field: 'code' | 'recoveryCode',
    reason: string,
    fieldCode: 'wrongCode' | 'codeUsed',
  ) => {
    await auditAnonymous(deps.db, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'login_failed',
      resourceType: 'sign_in_session',
      ip: client.ip,
      details: { reason },
    });
    return new ValidationError([{ field, code: fieldCode }]);
  };

  let factor: 'totp' | 'recovery_code';
  if (code) {
    const step = matchingStep(openSecret(deps.config.MFA_SECRET_KEY, user.totpSecret), code);
    if (step === null) throw await fail('code', 'wrong_code', 'wrongCode');
    if (!(await repo.acceptTotpStep(deps.db, user.id, step)))
      throw await fail('code', 'code_reused', 'codeUsed');
    factor = 'totp';
  } else {
    const hash = hashRecoveryCode(deps.config.MFA_SECRET_KEY, user.id, input.recoveryCode!);
    if (!(await repo.useRecoveryCode(deps.db, user.id, hash))) {
      throw await fail('recoveryCode', 'wrong_recovery_code', 'wrongCode');
    }
    factor = 'recovery_code';
    await auditAnonymous(deps.db, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'mfa_recovery_code_used',
      resourceType: 'user',
      resourceId: user.id,
      ip: client.ip,
      details: { remaining: await repo.unusedRecoveryCodes(deps.db, user.id) },
    });
  }
  if (!(await repo.useChallenge(deps.db, challengeHash))) {
    throw new AppError('CHALLENGE_EXPIRED', 401, 'Sign in again with the password');
  }
  return startSession(deps, user, client, { email: user.email, factor });
}

/**
 * Trades a refresh token for a new pair. Each token works once: a token shown a second time
 * means it was stolen or replayed, and the whole session (its family) is revoked.
 */
export async function refresh(deps: AuthDeps, token: string | undefined, client: Client): Promise<Issued> {
  if (!token) throw new UnauthenticatedError('SESSION_EXPIRED', 'No session');
  const found = await repo.findRefreshToken(deps.db, hashToken(token));
  if (!found) throw new UnauthenticatedError('SESSION_EXPIRED', 'Unknown session');

  const reused = found.usedAt !== null || !(await repo.markRefreshTokenUsed(deps.db, found.tokenHash));
  if (reused) {
    await deps.db.transaction(async (tx) => {
      const revoked = await repo.revokeSession(tx, found.sessionId, 'refresh_token_reused');
      if (revoked) {
        await auditAnonymous(tx, {
          actorId: found.userId,
          actorEmail: found.userEmail,
          action: 'refresh_reused',
          resourceType: 'sign_in_session',
          resourceId: found.sessionId,
          ip: client.ip,
          details: { generation: found.generation },
        });
      }
    });
    throw new UnauthenticatedError('SESSION_EXPIRED', 'Session revoked');
  }
  if (found.sessionRevokedReason === 'idle') {
    // Ended by a request that came too late: the SPA says why the person must sign in again.
    throw new AppError('SESSION_IDLE', 401, 'Session ended after inactivity');
  }
  if (found.sessionRevokedAt || found.sessionExpiresAt.getTime() <= Date.now() || found.userDisabled) {
    throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  }
  // Silent refreshes keep nobody's session alive: only the user's own requests do.
  if (idle(deps.config, found.sessionLastUsedAt)) {
    await endIdleSession(deps.db, found.sessionId, { id: found.userId, email: found.userEmail }, client.ip);
    throw new AppError('SESSION_IDLE', 401, 'Session ended after inactivity');
  }

  const user = await repo.findUserByEmail(deps.db, found.userEmail);
  if (!user) throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  const issued = await issueSession(deps, user, found.sessionId, found.generation + 1);
  return { ...issued, refreshExpiresAt: found.sessionExpiresAt, user: me(deps.config, user) };
}

/** Ends the session the refresh cookie (or the access token) belongs to. Idempotent. */
export async function logout(
  deps: AuthDeps,
  input: { refreshToken?: string | undefined; sessionId?: string | undefined },
  client: Client,
) {
  let sessionId = input.sessionId;
  let actor: { id: string; email: string } | null = null;
  if (input.refreshToken) {
    const found = await repo.findRefreshToken(deps.db, hashToken(input.refreshToken));
    if (found) {
      sessionId = found.sessionId;
      actor = { id: found.userId, email: found.userEmail };
    }
  }
  if (!sessionId) return;
  await deps.db.transaction(async (tx) => {
    if (await repo.revokeSession(tx, sessionId, 'logout')) {
      await auditAnonymous(tx, {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        action: 'logout',
        resourceType: 'sign_in_session',
        resourceId: sessionId,
        ip: client.ip,
      });
    }
  });
}

/**
 * Turns a verified access token into the actor, from the database: a disabled user, a revoked
 * session, or a changed role or pole takes effect on the very next request.
 */
export async function authenticate(
  db: Db,
  config: Config,
  claims: { sub: string; sid: string },
  ip: string,
): Promise<AuthenticatedActor> {
  const found = await repo.findLiveSession(db, claims.sid, claims.sub);
  if (!found || found.revokedAt || found.expiresAt.getTime() <= Date.now() || found.user.disabled) {
    throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  }
  if (idle(config, found.lastUsedAt)) {
    await endIdleSession(db, found.sessionId, found.user, ip);
    throw new AppError('SESSION_IDLE', 401, 'Session ended after inactivity');
  }
  // The idle clock restarts with this request; written at most once a minute per session.
  if (found.lastUsedAt.getTime() < Date.now() - 60_000) await repo.touchSession(db, found.sessionId);
  const { user } = found;
  return {
    mfa: { required: mfaRequiredFor(config, user), enrolled: user.totpEnabledAt !== null },
    id: user.id,
    email: user.email,
    role: user.role,
    poles: user.poles,
    locale: user.locale,
    sessionId: found.sessionId,
  };
}

async function endIdleSession(db: Db, sessionId: string, user: { id: string; email: string }, ip: string) {
  await db.transaction(async (tx) => {
    if (await repo.revokeSession(tx, sessionId, 'idle')) {
      await auditAnonymous(tx, {
        actorId: user.id,
        actorEmail: user.email,
        action: 'session_idle',
        resourceType: 'sign_in_session',
        resourceId: sessionId,
        ip,
      });
    }
  });
}
