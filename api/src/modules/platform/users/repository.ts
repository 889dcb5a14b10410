import { and, asc, count, eq, gt, ilike, isNull, or, sql, arrayContains, type SQL } from 'drizzle-orm';
import type { UserListQuery } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { sessions, users } from '../../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(db: Executor, input: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(input).returning();
  return row!;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row !== undefined;
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<NewUser>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/**
 * Live sessions per user. Drizzle writes a selected column unqualified (`"id"`), which inside
 * the subquery would mean the session's id: the outer column is named in full.
 */
const activeSessions = sql<number>`(select count(*)::int from sessions s
  where s.user_id = "users"."id" and s.revoked_at is null and s.expires_at > now())`;

export async function activeSessionCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  return row?.n ?? 0;
}

export async function listUsers(db: Executor, query: UserListQuery & { page: number; pageSize: number }) {
  const conds: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern))!);
  }
  if (query.role) conds.push(eq(users.role, query.role));
  if (query.pole) conds.push(arrayContains(users.poles, [query.pole]));
  if (!query.includeDisabled) conds.push(eq(users.disabled, false));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({ user: users, activeSessions })
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Who a command-line import acts as: the user named, or the first active administrator. */
export async function findImporter(db: Executor, email: string | undefined) {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(eq(users.disabled, false), email ? eq(users.email, email.toLowerCase()) : eq(users.role, 'admin')),
    )
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row
    ? { id: row.id, email: row.email, role: row.role, poles: row.poles, locale: row.locale }
    : undefined;
}

/** Active accounts with no second factor confirmed (the administrators' home page). */
export async function countWithoutSecondFactor(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.disabled, false), isNull(users.totpEnabledAt)));
  return row?.n ?? 0;
}
