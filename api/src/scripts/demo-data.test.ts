import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { makeUser, signIn } from '../../test/helpers/factories.js';
import { DEMO_PASSWORD, hashPassword } from '../modules/platform/auth/passwords.js';
import { insertUser } from '../modules/platform/users/repository.js';

const API_DIR = path.resolve(import.meta.dirname, '../..');

let prod: TestApp;
beforeAll(async () => {
  prod = await createTestApp({ NODE_ENV: 'production', ARGON2_MEMORY_KIB: '19456' });
});
afterAll(() => prod.close());

describe('demo accounts and production', () => {
  it('the demo loader refuses to run with NODE_ENV=production and writes nothing', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-demo-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/scripts/demo-data.ts'], {
      cwd: API_DIR,
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_ENV=production/);
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });

  it('a demo account already in a production database cannot sign in with the published password', async () => {
    const row = await insertUser(prod.app.database.db, {
      email: 'accueil@demo.smes',
      displayName: 'Compte Démo',
      passwordHash: await hashPassword(DEMO_PASSWORD, { memoryKib: 19_456 }),
      role: 'worker',
      poles: ['support'],
      disabled: false,
    });
    const res = await supertest(prod.app.server)
      .post('/api/auth/login')
      .send({ email: row.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    // Other accounts sign in as usual.
    const user = await makeUser(prod.app);
    await signIn(prod.app, user.email);
  });
});
