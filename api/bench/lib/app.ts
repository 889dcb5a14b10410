import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PURPOSE_HEADER, type Pole, type Purpose, type Role } from '@smes/shared';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database, Db } from '../../src/db/client.js';
import { hashPassword } from '../../src/modules/platform/auth/passwords.js';
import { insertUser } from '../../src/modules/platform/users/repository.js';

const PASSWORD = 'Bench-Bruxelles-Anderlecht-2026';
/** Access tokens live 10 minutes at most: sign in again well before. */
const TOKEN_MAX_AGE_MS = 4 * 60_000;

/** Who the bench signs in as: a role and its poles, as `shared/src/access.ts` reads them. */
export interface BenchUser {
  role: Role;
  poles: Pole[];
}

/** The directory's searches and the imports are any pole's work: a Support worker reads them. */
export const SUPPORT_WORKER: BenchUser = { role: 'worker', poles: ['support'] };

export interface Client {
  app: App;
  /**
   * GET through the whole app (routing, guard, validation, serialisation), as the signed-in
   * user; `bytes` is the size of the JSON answered, `body` that JSON parsed when read. Every
   * request names its purpose, as the SPA's do (decision 21): `follow_up` unless told.
   */
  get(
    url: string,
    query?: Record<string, string | number>,
    purpose?: Purpose,
  ): Promise<{ status: number; body: unknown; bytes: number }>;
  /** Signs in again if the token is getting old; call it before a timed loop, not inside. */
  ensureSignedIn(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app on `database`, and a user signed in through /api/auth/login: a worker of the
 * Support pole unless the scenario asks for someone else (`Scenario.signInAs`).
 */
export async function startApp(
  database: Database,
  owner: Db,
  as: BenchUser = SUPPORT_WORKER,
): Promise<Client> {
  const config = loadConfig({
    // Production would refuse the lowered hashing cost below, which the bench does not measure.
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0000',
    // The bench measures searches, not password hashing.
    ARGON2_MEMORY_KIB: '4096',
    // Thousands of timed requests from one address.
    RATE_LIMIT_PER_MINUTE: '10000000',
    // A Support worker must enrol a second factor before reading anything; the bench measures
    // searches and imports, not the sign-in, so its user signs in with the password alone.
    MFA_REQUIRED_FOR: 'none',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smes-bench-')),
    WEB_DIST_DIR: path.join(tmpdir(), 'smes-bench-no-spa'),
  });
  const app = await buildApp({ config, database, closeDatabase: false, logger: false });
  await app.ready();
  const email = `bench-${as.role}-${process.pid}@example.org`;
  await insertUser(owner, {
    email,
    displayName: `Bench ${as.role} (${as.poles.join(', ') || 'no pole'})`,
    passwordHash: await hashPassword(PASSWORD, { memoryKib: config.ARGON2_MEMORY_KIB }),
    role: as.role,
    poles: as.poles,
  });

  let token = '';
  let signedAt = -Infinity;
  const authorization = async () => {
    if (performance.now() - signedAt > TOKEN_MAX_AGE_MS) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`bench sign-in failed: ${res.statusCode} ${res.body}`);
      token = (res.json() as { accessToken: string }).accessToken;
      signedAt = performance.now();
    }
    return `Bearer ${token}`;
  };

  return {
    app,
    get: async (url, query, purpose = 'follow_up') => {
      const res = await app.inject({
        method: 'GET',
        url,
        ...(query
          ? { query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) }
          : {}),
        headers: { authorization: await authorization(), [PURPOSE_HEADER]: purpose },
      });
      // Parsed only when read: parsing a large answer is the client's work, not the server's.
      return {
        status: res.statusCode,
        get body(): unknown {
          return res.json();
        },
        bytes: res.rawPayload.length,
      };
    },
    ensureSignedIn: async () => {
      await authorization();
    },
    close: () => app.close(),
  };
}
