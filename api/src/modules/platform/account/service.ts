import type { ChangePasswordBody, Me, UpdateMeBody } from '@smes/shared';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../audit/service.js';
import type { Config } from '../../../config.js';
import { revokeOtherSessions, updatePasswordHash } from '../auth/repository.js';
import { chargePasswordCheck, forgetFailures } from '../auth/throttle.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { toMe } from '../users/mapper.js';
import { findUserById, updateUser } from '../users/repository.js';

/** What the signed-in user may do to their own account: any role, no matrix entry needed. */
export async function getMe({ ctx }: { ctx: ServiceContext }): Promise<Me> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  return toMe(row);
}

export async function updateMe({ ctx, input }: { ctx: ServiceContext; input: UpdateMeBody }): Promise<Me> {
  return ctx.db.transaction(async (tx) => {
    const row = await updateUser(tx, ctx.actor.id, {
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.displayName ? { displayName: input.displayName.trim() } : {}),
    });
    if (!row) throw new NotFoundError();
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'user',
      resourceId: row.id,
      details: { self: true, ...changedFields(input) },
    });
    return toMe(row);
  });
}

/**
 * A wrong current password counts as a failed sign-in (a stolen session must not become a way to
 * guess the password); the new password ends every other session, a stolen one included.
 */
export async function changeMyPassword({
  ctx,
  input,
  config,
}: {
  ctx: ServiceContext;
  input: ChangePasswordBody;
  config: Config;
}): Promise<void> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  const attempt = { email: row.email, ip: ctx.ip, userId: row.id };
  await chargePasswordCheck(ctx.db, config, attempt);
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationError([{ field: 'currentPassword', code: 'wrongPassword' }]);
  }
  await forgetFailures(ctx.db, config, attempt);
  const problem = passwordProblem(input.newPassword, row.email);
  if (problem) throw new ValidationError([{ field: 'newPassword', code: problem }]);
  const hash = await hashPassword(input.newPassword, { memoryKib: config.ARGON2_MEMORY_KIB });
  await ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, row.id, hash);
    const ended = await revokeOtherSessions(tx, row.id, ctx.actor.sessionId, 'password_changed');
    await audit(tx, ctx, {
      action: 'password_changed',
      resourceType: 'user',
      resourceId: row.id,
      details: { otherSessionsEnded: ended },
    });
  });
}
