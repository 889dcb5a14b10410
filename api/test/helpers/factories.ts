import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import type { Pole, Role } from '@smes/shared';
import type { App } from '../../src/app.js';
import { hashPassword } from '../../src/modules/platform/auth/passwords.js';
import { insertUser } from '../../src/modules/platform/users/repository.js';

/** A password that passes the policy; every factory user has it unless told otherwise. */
export const PASSWORD = 'Bruxelles-Ixelles-Molenbeek';

let passwordHash: Promise<string> | undefined;

export interface UserFixture {
  id: string;
  email: string;
  role: Role;
  poles: Pole[];
}

/** A user written straight to the database, with a unique e-mail. */
export async function makeUser(
  app: App,
  input: { role?: Role; poles?: Pole[]; disabled?: boolean; displayName?: string; email?: string } = {},
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
  return { id: row.id, email: row.email, role: row.role, poles: row.poles };
}

export interface Session {
  accessToken: string;
  /** The raw `smes_refresh=…` pair, to send back as a Cookie header. */
  refreshCookie: string;
  setCookie: string;
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await supertest(app.server).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return fromResponse(res);
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
