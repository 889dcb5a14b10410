import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import type { Pole, Role } from '@smes/shared';
import type { App } from '../../src/app.js';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.js';
import { mfaRequiredFor } from '../../src/modules/platform/auth/mfa-policy.js';
import { hashPassword } from '../../src/modules/platform/auth/passwords.js';
import { enableTotp, setPendingTotpSecret } from '../../src/modules/platform/auth/repository.js';
import { newTotpSecret, sealSecret, timeStep, totpCode } from '../../src/modules/platform/auth/totp.js';
import { insertUser } from '../../src/modules/platform/users/repository.js';

/** A password that passes the policy; every factory user has it unless told otherwise. */
export const PASSWORD = 'Bruxelles-Ixelles-Molenbeek';

let passwordHash: Promise<string> | undefined;

export interface UserFixture {
  id: string;
  email: string;
  role: Role;
  poles: Pole[];
  /** The TOTP secret when the user has a second factor: `codeFor(user)` computes its code. */
  totpSecret: string | null;
}

/** Second-factor secrets of the users the factories enrolled, by e-mail, for `signIn`. */
const totpSecrets = new Map<string, string>();

/** The code an authenticator app would show now for a user's secret. */
export function codeFor(secret: string, now = Date.now()): string {
  return totpCode(secret, timeStep(now));
}

/**
 * Gives a user a second factor straight in the database (as if they had enrolled), and
 * remembers its secret so that `signIn` can answer the code step.
 */
export async function enrolTotp(app: App, user: { id: string; email: string }): Promise<string> {
  const secret = newTotpSecret();
  const sealed = sealSecret(app.config.MFA_SECRET_KEY, secret);
  await setPendingTotpSecret(app.database.db, user.id, sealed);
  await enableTotp(app.database.db, {
    userId: user.id,
    sealedSecret: sealed,
    step: 0,
    recoveryCodeHashes: [],
  });
  totpSecrets.set(user.email, secret);
  return secret;
}

/**
 * A user written straight to the database, with a unique e-mail. Users whom MFA_REQUIRED_FOR
 * covers (administrators, Support and Housing First by default) get a second factor, as they
 * would have enrolled; `mfa: false` leaves them without (their sessions can only enrol), and
 * `mfa: true` enrols anyone.
 */
export async function makeUser(
  app: App,
  input: {
    role?: Role;
    poles?: Pole[];
    disabled?: boolean;
    displayName?: string;
    email?: string;
    mfa?: boolean;
  } = {},
): Promise<UserFixture> {
  const role = input.role ?? 'worker';
  const poles = input.poles ?? (role === 'worker' || role === 'coordinator' ? ['support'] : []);
  passwordHash ??= hashPassword(PASSWORD, { memoryKib: app.config.ARGON2_MEMORY_KIB });
  const row = await insertUser(app.database.db, {
    email: input.email ?? `${role}-${randomUUID().slice(0, 8)}@smes.test`,
    displayName: input.displayName ?? `Test ${role}`,
    passwordHash: await passwordHash,
    role,
    poles,
    disabled: input.disabled ?? false,
  });
  const enrol = input.mfa ?? mfaRequiredFor(app.config, { role, poles });
  const totpSecret = enrol ? await enrolTotp(app, row) : null;
  return { id: row.id, email: row.email, role: row.role, poles: row.poles, totpSecret };
}

export interface Session {
  accessToken: string;
  /** The raw `smes_refresh=…` pair, to send back as a Cookie header. */
  refreshCookie: string;
  setCookie: string;
}

/**
 * Signs in as a user would: the password, then (for a user with a second factor the factories
 * enrolled) the code of the current step. So that a test may sign the same user in many times
 * within one 30-second step, the helper first forgets the step last used; the replay rule has
 * its own tests, which send their requests themselves.
 */
export async function signIn(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await supertest(app.server).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { mfaRequired?: true; challenge?: string };
  if (!body.mfaRequired) return fromResponse(res);
  const secret = totpSecrets.get(email);
  if (!secret) throw new Error(`sign-in of ${email} asks for a code, and no test secret is known`);
  await app.database.db.update(users).set({ totpLastStep: null }).where(eq(users.email, email));
  const second = await supertest(app.server)
    .post('/api/auth/mfa')
    .send({ challenge: body.challenge, code: codeFor(secret) });
  if (second.status !== 200)
    throw new Error(`code step failed: ${second.status} ${JSON.stringify(second.body)}`);
  return fromResponse(second);
}

export function fromResponse(res: supertest.Response): Session {
  const setCookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('smes_refresh='));
  if (!setCookie) throw new Error('no refresh cookie');
  return {
    accessToken: (res.body as { accessToken: string }).accessToken,
    refreshCookie: setCookie.split(';')[0]!,
    setCookie,
  };
}

/** A user and a signed-in session for them. */
export async function signedIn(app: App, input: Parameters<typeof makeUser>[1] = {}) {
  const user = await makeUser(app, input);
  const session = await signIn(app, user.email);
  return { user, session, auth: `Bearer ${session.accessToken}` };
}
