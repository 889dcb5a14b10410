import type { ChangePasswordBody, Me, UpdateMeBody } from '@smes/shared';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../audit/service.js';
import { updatePasswordHash } from '../auth/repository.js';
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
      details: { self: input },
    });
    return toMe(row);
  });
}

export async function changeMyPassword({
  ctx,
  input,
  argon2MemoryKib,
}: {
  ctx: ServiceContext;
  input: ChangePasswordBody;
  argon2MemoryKib: number;
}): Promise<void> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationError([{ field: 'currentPassword', code: 'wrongPassword' }]);
  }
  const problem = passwordProblem(input.newPassword, row.email);
  if (problem) throw new ValidationError([{ field: 'newPassword', code: problem }]);
  const hash = await hashPassword(input.newPassword, { memoryKib: argon2MemoryKib });
  await ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, row.id, hash);
    await audit(tx, ctx, { action: 'password_changed', resourceType: 'user', resourceId: row.id });
  });
}
