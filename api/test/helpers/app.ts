import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { freshDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-000';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ARGON2_MEMORY_KIB: '4096',
    // Tests send hundreds of requests a minute from one address; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // The retention job is run by its own tests, on the day they choose.
    RETENTION_INTERVAL_HOURS: '0',
    // Who must have a second factor, as in production; factories enrol those users themselves.
    MFA_REQUIRED_FOR: 'admin,support,housing_first',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smes-test-')),
    WEB_DIST_DIR: path.join(tmpdir(), 'smes-no-spa'),
    ...overrides,
  });
}

export interface TestApp {
  app: App;
  /** The database's administrator (superuser), for set-up and checks behind the app's back. */
  superuser: Db;
  http: () => supertest.Agent;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a database of its own. Call in `beforeAll`, close in `afterAll`. */
export async function createTestApp(
  overrides: Record<string, string> = {},
  beforeReady?: (app: App) => void | Promise<void>,
): Promise<TestApp> {
  const database = await freshDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, closeDatabase: false, logger: false });
  await beforeReady?.(app);
  await app.ready();
  return {
    app,
    superuser: database.superuser,
    config,
    http: () => supertest.agent(app.server),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
