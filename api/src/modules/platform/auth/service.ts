import type { FastifyInstance } from 'fastify';
import type { LoginBody, Me } from '@smes/shared';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { UnauthenticatedError } from '../../../errors.js';
import type { AuthenticatedActor } from '../../../types.js';
import { auditAnonymous } from '../audit/service.js';
import { toMe } from '../users/mapper.js';
import { burnVerify, DEMO_PASSWORD, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import { chargePasswordCheck, forgetFailures } from './throttle.js';
import { hashToken, newRefreshToken } from './tokens.js';

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

interface Client {
  ip: string;
  userAgent: string | null;
}

async function issueSession(deps: AuthDeps, user: { id: string }, sessionId: string, generation: number) {
  const { token, hash } = newRefreshToken();
  await repo.insertRefreshToken(deps.db, { tokenHash: hash, sessionId, generation });
  const accessToken = deps.sign({ sub: user.id, sid: sessionId });
  return { accessToken, refreshToken: token, expiresIn: deps.config.ACCESS_TOKEN_TTL_SECONDS };
}

export async function login(deps: AuthDeps, input: LoginBody, client: Client): Promise<Issued> {
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
  const refreshExpiresAt = new Date(Date.now() + deps.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  return deps.db.transaction(async (tx) => {
    if (rehashed) await repo.updatePasswordHash(tx, user.id, rehashed);
    const txDeps = { ...deps, db: tx };
    const session = await repo.createSession(tx, {
      userId: user.id,
      expiresAt: refreshExpiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    const issued = await issueSession(txDeps, user, session.id, 1);
    await repo.markLoggedIn(tx, user.id);
    await forgetFailures(tx, deps.config, { email, ip: client.ip });
    await auditAnonymous(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'login',
      resourceType: 'sign_in_session',
      resourceId: session.id,
      ip: client.ip,
    });
    return { ...issued, refreshExpiresAt, user: toMe(user) };
  });
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
  if (found.sessionRevokedAt || found.sessionExpiresAt.getTime() <= Date.now() || found.userDisabled) {
    throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  }

  const user = await repo.findUserByEmail(deps.db, found.userEmail);
  if (!user) throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  const issued = await issueSession(deps, user, found.sessionId, found.generation + 1);
  await repo.touchSession(deps.db, found.sessionId);
  return { ...issued, refreshExpiresAt: found.sessionExpiresAt, user: toMe(user) };
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
  claims: { sub: string; sid: string },
): Promise<AuthenticatedActor> {
  const found = await repo.findLiveSession(db, claims.sid, claims.sub);
  if (!found || found.revokedAt || found.expiresAt.getTime() <= Date.now() || found.user.disabled) {
    throw new UnauthenticatedError('SESSION_EXPIRED', 'Session ended');
  }
  const { user } = found;
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    poles: user.poles,
    locale: user.locale,
    sessionId: found.sessionId,
  };
}
