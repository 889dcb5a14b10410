import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldErrorCode } from '@smes/shared';

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * NIST 800-63B style: length and a list of known passwords, no composition rules. A known
 * password with a few digits or signs stuck on its end ("password1234!") counts as known too.
 */
export function passwordProblem(password: string, email?: string): FieldErrorCode | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'tooCommon';
  const stem = lower.replace(/[\d\W_]{1,6}$/u, '');
  if (stem.length >= 4 && COMMON.has(stem)) return 'tooCommon';
  if (new Set(lower).size <= 2) return 'tooCommon';
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000') && lower.length < 20)
    return 'tooCommon';
  return null;
}

/** The demo accounts' shared, published password: never accepted in production. */
export const DEMO_PASSWORD = 'Demo-Smes-Bruxelles-2026';

export interface HashOptions {
  memoryKib: number;
}

const params = (opts: HashOptions) => ({ memoryCost: opts.memoryKib, timeCost: 2, parallelism: 1 });

export function hashPassword(password: string, opts: HashOptions): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...params(opts) });
}

/** A hash made with other costs than today's (an older, weaker setting): re-hashed at sign-in. */
export function needsRehash(hash: string, opts: HashOptions): boolean {
  try {
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, params(opts));
  } catch {
    return true;
  }
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the e-mail is unknown, so timing tells nothing. */
export async function burnVerify(password: string, opts: HashOptions): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing', opts);
  await verifyPassword(await dummyHash, password);
}
