import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { ensureFirstAdministrator } from './bootstrap.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the first start', () => {
  it('creates the administrator from ADMIN_EMAIL and ADMIN_PASSWORD, once', async () => {
    t = await createTestApp({ ADMIN_EMAIL: 'Chef@Smes.test', ADMIN_PASSWORD: 'Anderlecht-Koekelberg-1070' });
    const printed: string[] = [];
    await ensureFirstAdministrator(t.app.database.db, t.config, t.app.log, (l) => printed.push(l));
    await ensureFirstAdministrator(t.app.database.db, t.config, t.app.log, (l) => printed.push(l));
    expect(printed).toEqual([]);
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: 'chef@smes.test', password: 'Anderlecht-Koekelberg-1070' });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
    // The home page greets this name in French and in Dutch alike.
    expect(res.body.user.displayName).toBe('Admin Smes');
  });

  it('without them, makes a password, prints it once, and it works', async () => {
    t = await createTestApp();
    const printed: string[] = [];
    await ensureFirstAdministrator(t.app.database.db, t.config, t.app.log, (l) => printed.push(l));
    const password = printed.join('\n').match(/password: (\S+)/)?.[1];
    expect(password).toBeDefined();
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: 'admin@smes.local', password });
    expect(res.status).toBe(200);
    const again: string[] = [];
    await ensureFirstAdministrator(t.app.database.db, t.config, t.app.log, (l) => again.push(l));
    expect(again).toEqual([]);
  });

  it('refuses a weak ADMIN_PASSWORD instead of creating a weak account', async () => {
    t = await createTestApp({ ADMIN_PASSWORD: 'password1234' });
    await expect(
      ensureFirstAdministrator(t.app.database.db, t.config, t.app.log, () => undefined),
    ).rejects.toThrow(/ADMIN_PASSWORD/);
  });
});
