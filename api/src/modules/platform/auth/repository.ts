import { and, count, eq, gt, isNull, min, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { loginAttempts, refreshTokens, sessions, users } from '../../../db/schema/index.js';

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
      user: {
        id: users.id,
        email: users.email,
        role: users.role,
        poles: users.poles,
        locale: users.locale,
        disabled: users.disabled,
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

export async function touchSession(db: Executor, sessionId: string) {
  await db
    .update(sessions)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
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

export async function markLoggedIn(db: Executor, userId: string) {
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function recordLoginAttempt(
  db: Executor,
  input: { email: string; ip: string; succeeded: boolean },
) {
  await db.insert(loginAttempts).values(input);
}

/** Failures since `since` for one key, and when the oldest of them happened. */
export async function countFailures(db: Executor, key: { email: string } | { ip: string }, since: Date) {
  const keyCond = 'email' in key ? eq(loginAttempts.email, key.email) : eq(loginAttempts.ip, key.ip);
  const [row] = await db
    .select({ failures: count(), oldest: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(keyCond, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null };
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
