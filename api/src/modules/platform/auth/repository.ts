import { and, eq, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  loginThrottle,
  mfaChallenges,
  recoveryCodes,
  refreshTokens,
  sessions,
  users,
} from '../../../db/schema/index.js';

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/** The session named by an access token, with its user: one query on every request. */
export async function findLiveSession(db: Executor, sessionId: string, userId: string) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      lastUsedAt: sessions.lastUsedAt,
      user: {
        id: users.id,
        email: users.email,
        role: users.role,
        poles: users.poles,
        locale: users.locale,
        disabled: users.disabled,
        totpEnabledAt: users.totpEnabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .limit(1);
  return row;
}

export async function createSession(
  db: Executor,
  input: { userId: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  const [row] = await db.insert(sessions).values(input).returning({ id: sessions.id });
  return row!;
}

export async function insertRefreshToken(
  db: Executor,
  input: { tokenHash: string; sessionId: string; generation: number },
) {
  await db.insert(refreshTokens).values(input);
}

export async function findRefreshToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      tokenHash: refreshTokens.tokenHash,
      generation: refreshTokens.generation,
      usedAt: refreshTokens.usedAt,
      sessionId: sessions.id,
      sessionExpiresAt: sessions.expiresAt,
      sessionRevokedAt: sessions.revokedAt,
      sessionLastUsedAt: sessions.lastUsedAt,
      sessionRevokedReason: sessions.revokedReason,
      userId: users.id,
      userEmail: users.email,
      userDisabled: users.disabled,
    })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Marks a token used; false when it had been used already (a replay, or a race lost). */
export async function markRefreshTokenUsed(db: Executor, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
    .returning({ tokenHash: refreshTokens.tokenHash });
  return rows.length === 1;
}

/** The user's last request: what the idle timeout counts from (refreshes do not touch it). */
export async function touchSession(db: Executor, sessionId: string) {
  await db
    .update(sessions)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

export async function findUserById(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function createChallenge(
  db: Executor,
  input: { tokenHash: string; userId: string; expiresAt: Date },
) {
  await db.insert(mfaChallenges).values(input);
  // Challenges are worth nothing once expired: those of the last day go with each new one.
  await db.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, sql`now() - interval '1 day'`));
}

/** A challenge still good: not used, not expired. */
export async function findChallenge(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ userId: mfaChallenges.userId })
    .from(mfaChallenges)
    .where(
      and(
        eq(mfaChallenges.tokenHash, tokenHash),
        isNull(mfaChallenges.usedAt),
        sql`${mfaChallenges.expiresAt} > now()`,
      ),
    )
    .limit(1);
  return row;
}

/** Uses a challenge up; false when it was used meanwhile (a race lost). */
export async function useChallenge(db: Executor, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(mfaChallenges)
    .set({ usedAt: sql`now()` })
    .where(and(eq(mfaChallenges.tokenHash, tokenHash), isNull(mfaChallenges.usedAt)))
    .returning({ tokenHash: mfaChallenges.tokenHash });
  return rows.length === 1;
}

/**
 * Records the time step of an accepted code, in one statement: of two requests with the same
 * code (a replay, or parallel tries) only one gets the row; earlier steps are refused too.
 */
export async function acceptTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Uses one recovery code up; false when it is not one of the user's unused codes. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function setPendingTotpSecret(db: Executor, userId: string, sealed: string) {
  await db.update(users).set({ totpPendingSecret: sealed }).where(eq(users.id, userId));
}

/** The pending secret becomes the factor, with its first step used and fresh recovery codes. */
export async function enableTotp(
  db: Executor,
  input: { userId: string; sealedSecret: string; step: number; recoveryCodeHashes: string[] },
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      totpSecret: input.sealedSecret,
      totpPendingSecret: null,
      totpEnabledAt: sql`now()`,
      totpLastStep: input.step,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, input.userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (rows.length !== 1) return false;
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
  if (input.recoveryCodeHashes.length > 0) {
    await db
      .insert(recoveryCodes)
      .values(input.recoveryCodeHashes.map((codeHash) => ({ userId: input.userId, codeHash })));
  }
  return true;
}

/** Removes the factor and its recovery codes; false when the user had none (nor a pending one). */
export async function clearTotp(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(users.id, userId),
        or(sql`${users.totpSecret} is not null`, sql`${users.totpPendingSecret} is not null`),
      ),
    )
    .returning({ id: users.id });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return rows.length === 1;
}

export async function revokeSession(db: Executor, sessionId: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

export async function revokeUserSessions(db: Executor, userId: string, reason: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Every session of a user but the one making the request. */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepSessionId: string,
  reason: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function markLoggedIn(db: Executor, userId: string) {
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}

export interface ThrottleRule {
  max: number;
  windowSeconds: number;
  backoffSeconds: number;
  backoffMaxSeconds: number;
}

/**
 * Counts one attempt for a key before the password is checked, and says whether it may go on.
 * One statement: the row stays locked between reading and writing the count, so of many
 * parallel attempts only those under the limit get a row back. From the `max`-th failure on,
 * the key is blocked for `backoffSeconds`, doubling with each further failure up to the cap; the
 * count starts again after a quiet window past the last block.
 */
export async function chargeAttempt(
  db: Executor,
  key: { email: string; ip: string },
  rule: ThrottleRule,
): Promise<{ blockedUntil: Date } | null> {
  const t = loginThrottle;
  const next = sql`case when coalesce(${t.blockedUntil}, ${t.lastAttemptAt}) < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else ${t.failures} + 1 end`;
  const blockFor = (failures: SQL) =>
    sql`case when ${failures} >= ${rule.max} then now() + make_interval(secs => least(${rule.backoffMaxSeconds}::float8, ${rule.backoffSeconds}::float8 * power(2, ${failures} - ${rule.max}))) end`;
  const charged = await db
    .insert(t)
    .values({ ...key, failures: 1, blockedUntil: blockFor(sql`1`) })
    .onConflictDoUpdate({
      target: [t.email, t.ip],
      set: { failures: next, lastAttemptAt: sql`now()`, blockedUntil: blockFor(next) },
      setWhere: or(isNull(t.blockedUntil), lte(t.blockedUntil, sql`now()`)),
    })
    .returning({ failures: t.failures });
  if (charged.length === 1) return null;
  const [row] = await db
    .select({ blockedUntil: t.blockedUntil })
    .from(t)
    .where(and(eq(t.email, key.email), eq(t.ip, key.ip)));
  return { blockedUntil: row?.blockedUntil ?? new Date() };
}

/** A right password forgets the pair's failures, and rows quiet for a day go with it. */
export async function clearAttempts(db: Executor, key: { email: string; ip: string }) {
  const t = loginThrottle;
  await db
    .delete(t)
    .where(
      or(
        and(eq(t.email, key.email), eq(t.ip, key.ip)),
        and(
          lt(t.lastAttemptAt, sql`now() - interval '1 day'`),
          or(isNull(t.blockedUntil), lt(t.blockedUntil, sql`now()`)),
        ),
      ),
    );
}

/**
 * Gives back one charged attempt that turned out right: colleagues signing in from one office
 * address must not use up its allowance. Earlier failures stay counted.
 */
export async function refundAttempt(db: Executor, key: { email: string; ip: string }, max: number) {
  const t = loginThrottle;
  await db
    .update(t)
    .set({
      failures: sql`greatest(${t.failures} - 1, 0)`,
      blockedUntil: sql`case when ${t.failures} - 1 < ${max} then null else ${t.blockedUntil} end`,
    })
    .where(and(eq(t.email, key.email), eq(t.ip, key.ip)));
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
