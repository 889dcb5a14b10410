import type {
  ChangePasswordBody,
  Me,
  RecoveryCodes,
  TotpConfirmBody,
  TotpSetup,
  UpdateMeBody,
} from '@smes/shared';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { users } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../audit/service.js';
import type { Config } from '../../../config.js';
import {
  enableTotp,
  revokeOtherSessions,
  setPendingTotpSecret,
  updatePasswordHash,
} from '../auth/repository.js';
import { chargePasswordCheck, forgetFailures } from '../auth/throttle.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import {
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseCode,
  openSecret,
  otpauthUri,
  sealSecret,
} from '../auth/totp.js';
import { toMe } from '../users/mapper.js';
import { findUserById, updateUser } from '../users/repository.js';

/** What the signed-in user may do to their own account: any role, no matrix entry needed. */
export async function getMe({ ctx }: { ctx: ServiceContext }): Promise<Me> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  return toMe(row, ctx.actor.mfa?.required ?? false);
}

export async function updateMe({
  ctx,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  ifMatch: IfMatch;
  input: UpdateMeBody;
}): Promise<Me> {
  return ctx.db.transaction(async (tx) => {
    await claimVersion(tx, users, ctx.actor.id, ifMatch, async () => {
      const now = await findUserById(tx, ctx.actor.id);
      return now && toMe(now, ctx.actor.mfa?.required ?? false);
    });
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
    return toMe(row, ctx.actor.mfa?.required ?? false);
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

/**
 * Enrolment, first half: a new secret, kept encrypted as pending and shown this once (as text
 * and as the otpauth URI the QR code holds). Asking again replaces it. A user who has a factor
 * already gets 409: an administrator resets it first.
 */
export async function startTotpEnrolment({
  ctx,
  config,
}: {
  ctx: ServiceContext;
  config: Config;
}): Promise<TotpSetup> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  if (row.totpEnabledAt) throw new ConflictError('A second factor is enrolled already');
  const secret = newTotpSecret();
  await setPendingTotpSecret(ctx.db, row.id, sealSecret(config.MFA_SECRET_KEY, secret));
  return { secret, otpauthUri: otpauthUri(secret, row.email) };
}

/**
 * Enrolment, second half: the first code from the app proves it holds the secret. The factor is
 * on from then, and ten recovery codes are shown once (only keyed hashes are kept). Wrong codes
 * count like wrong passwords.
 */
export async function confirmTotpEnrolment({
  ctx,
  input,
  config,
}: {
  ctx: ServiceContext;
  input: TotpConfirmBody;
  config: Config;
}): Promise<RecoveryCodes> {
  const row = await findUserById(ctx.db, ctx.actor.id);
  if (!row) throw new NotFoundError();
  if (row.totpEnabledAt) throw new ConflictError('A second factor is enrolled already');
  if (!row.totpPendingSecret) throw new ConflictError('Start the enrolment first');
  const code = normaliseCode(input.code);
  if (!code) throw new ValidationError([{ field: 'code', code: 'format' }]);
  const attempt = { email: row.email, ip: ctx.ip, userId: row.id };
  await chargePasswordCheck(ctx.db, config, attempt);
  const secret = openSecret(config.MFA_SECRET_KEY, row.totpPendingSecret);
  const step = matchingStep(secret, code);
  if (step === null) throw new ValidationError([{ field: 'code', code: 'wrongCode' }]);
  await forgetFailures(ctx.db, config, attempt);
  const codes = newRecoveryCodes();
  return ctx.db.transaction(async (tx) => {
    const enabled = await enableTotp(tx, {
      userId: row.id,
      sealedSecret: row.totpPendingSecret!,
      step,
      recoveryCodeHashes: codes.map((c) => hashRecoveryCode(config.MFA_SECRET_KEY, row.id, c)),
    });
    if (!enabled) throw new ConflictError('A second factor is enrolled already');
    await audit(tx, ctx, {
      action: 'mfa_enrolled',
      resourceType: 'user',
      resourceId: row.id,
      details: { factor: 'totp', recoveryCodes: codes.length },
    });
    return { recoveryCodes: codes };
  });
}
