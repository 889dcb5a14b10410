import {
  roleTakesPoles,
  type CreateUserBody,
  type FieldError,
  type Pole,
  type Role,
  type UpdateUserBody,
  type User,
  type UserList,
  type UserListQuery,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { users } from '../../../db/schema/index.js';
import type { Executor } from '../../../db/client.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import type { NewAuditEntry } from '../audit/repository.js';
import { audit, changedFields } from '../audit/service.js';
import { clearTotp, revokeUserSessions } from '../auth/repository.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { toUser } from './mapper.js';
import * as repo from './repository.js';

export interface UsersDeps {
  argon2MemoryKib: number;
}

/** Coordinators and workers belong to at least one pole; the other roles to none. */
function polesProblem(role: Role, poles: readonly Pole[]): FieldError | null {
  if (roleTakesPoles(role) && poles.length === 0) return { field: 'poles', code: 'polesRequired' };
  if (!roleTakesPoles(role) && poles.length > 0) return { field: 'poles', code: 'polesNotAllowed' };
  return null;
}

export async function createUser({
  ctx,
  input,
  deps,
}: {
  ctx: ServiceContext;
  input: CreateUserBody;
  deps: UsersDeps;
}): Promise<User> {
  assertCan(ctx.actor, 'users', 'create');
  const email = input.email.trim().toLowerCase();
  const problems: FieldError[] = [];
  const pw = passwordProblem(input.password, email);
  if (pw) problems.push({ field: 'password', code: pw });
  const poles = polesProblem(input.role, input.poles);
  if (poles) problems.push(poles);
  if (problems.length) throw new ValidationError(problems);
  if (await repo.emailTaken(ctx.db, email)) {
    throw new ConflictError('A user with this e-mail exists', [{ field: 'email', code: 'taken' }]);
  }
  const passwordHash = await hashPassword(input.password, { memoryKib: deps.argon2MemoryKib });
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertUser(tx, {
      id: input.id,
      email,
      displayName: input.displayName.trim(),
      passwordHash,
      role: input.role,
      poles: input.poles,
      locale: input.locale ?? null,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'user',
      resourceId: row.id,
      details: { email, role: row.role, poles: row.poles },
    });
    return toUser(row, 0);
  });
}

/** Active accounts with no second factor yet (administrators' home page). */
export async function countUsersWithoutSecondFactor(ctx: ServiceContext): Promise<number> {
  assertCan(ctx.actor, 'users', 'read');
  return repo.countWithoutSecondFactor(ctx.db);
}

export async function getUser({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<User> {
  assertCan(ctx.actor, 'users', 'read');
  const row = await repo.findUserById(ctx.db, id);
  if (!row) throw new NotFoundError('No such user');
  await audit(ctx.db, ctx, { action: 'read', resourceType: 'user', resourceId: id });
  return toUser(row, await repo.activeSessionCount(ctx.db, id));
}

export async function listUsers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UserListQuery;
}): Promise<UserList> {
  assertCan(ctx.actor, 'users', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  // Lists are not audited (see docs/decisions/0005); opening one user's record is.
  const { items, total } = await repo.listUsers(ctx.db, { ...input, page, pageSize });
  return { items: items.map((r) => toUser(r.user, r.activeSessions)), total, page, pageSize };
}

/**
 * Changes a user. A new role or pole applies on the user's next request (the guard reads them
 * from the database); disabling also ends their sessions at once.
 */
export async function updateUser({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateUserBody;
}): Promise<User> {
  assertCan(ctx.actor, 'users', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(
      tx,
      users,
      id,
      ifMatch,
      async () => {
        const now = await repo.findUserById(tx, id);
        return now && toUser(now, await repo.activeSessionCount(tx, id));
      },
      'user',
    );
    // Read under the lock the claim took: role and poles are checked against this version.
    const current = (await repo.findUserById(tx, id))!;
    const role = input.role ?? current.role;
    const poles = input.poles ?? (input.role && !roleTakesPoles(input.role) ? [] : current.poles);
    const polesIssue = polesProblem(role, poles);
    if (polesIssue) throw new ValidationError([polesIssue]);
    if (id === ctx.actor.id && (input.disabled === true || (input.role && input.role !== 'admin'))) {
      // An administrator cannot lock themself out; another administrator must do it.
      throw new ValidationError([
        { field: input.disabled === true ? 'disabled' : 'role', code: 'notAllowed' },
      ]);
    }
    const row = await repo.updateUser(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      role,
      poles,
    });
    if (!row) throw new NotFoundError('No such user');
    const revoked = input.disabled === true ? await revokeUserSessions(tx, id, 'user_disabled') : 0;
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'user',
      resourceId: id,
      details: {
        ...changedFields(input),
        // Access changes keep their values (who was made what); names stay out of the log.
        before: {
          role: current.role,
          poles: current.poles,
          disabled: current.disabled,
        },
        after: { role: row.role, poles: row.poles, disabled: row.disabled },
        ...(revoked ? { sessionsRevoked: revoked } : {}),
      },
    });
    return toUser(row, revoked ? 0 : await repo.activeSessionCount(tx, id));
  });
}

/**
 * An administrator's action on another user's access, in one transaction with its audit entry:
 * refused without the right to change users, 404 for an unknown user. `act` does the work and
 * says what to log; the answer is the number of sessions it ended.
 */
async function actOnUser(
  ctx: ServiceContext,
  id: string,
  act: (
    tx: Executor,
  ) => Promise<{ action: NewAuditEntry['action']; details: NewAuditEntry['details']; revoked: number }>,
): Promise<{ revoked: number }> {
  assertCan(ctx.actor, 'users', 'update');
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw new NotFoundError('No such user');
  return ctx.db.transaction(async (tx) => {
    const { action, details, revoked } = await act(tx);
    await audit(tx, ctx, { action, resourceType: 'user', resourceId: id, details });
    return { revoked };
  });
}

export function endUserSessions({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<{ revoked: number }> {
  return actOnUser(ctx, id, async (tx) => {
    const revoked = await revokeUserSessions(tx, id, 'ended_by_admin');
    return { action: 'sessions_revoked', details: { revoked }, revoked };
  });
}

/**
 * A lost phone: the administrator removes the user's second factor and recovery codes, and ends
 * their sessions. The user enrols again at their next sign-in (if their role or pole requires it).
 */
export function resetSecondFactor({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<{ revoked: number }> {
  return actOnUser(ctx, id, async (tx) => {
    const hadFactor = await clearTotp(tx, id);
    const revoked = await revokeUserSessions(tx, id, 'mfa_reset');
    return { action: 'mfa_reset', details: { hadFactor, sessionsRevoked: revoked }, revoked };
  });
}
