import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { makeUser, signIn, signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, { role: 'admin', displayName: 'Aster Admin' });
});
afterAll(() => t.close());

const newWorker = (over: Record<string, unknown> = {}) => ({
  email: `nadia.${Math.random().toString(36).slice(2, 8)}@smes.test`,
  displayName: 'Nadia Peeters',
  role: 'worker',
  poles: ['support'],
  password: 'Marolles-et-Saint-Gilles',
  ...over,
});

describe('creating a user', () => {
  it('creates a worker of one pole, who can sign in, and audits it', async () => {
    const body = newWorker();
    const res = await as(t.app, admin.auth).post('/api/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: body.email,
      role: 'worker',
      poles: ['support'],
      disabled: false,
      activeSessions: 0,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    await signIn(t.app, body.email, body.password);

    const trail = await as(t.app, admin.auth).get('/api/audit', {
      resourceType: 'user',
      resourceId: res.body.id,
      action: 'create',
    });
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0]).toMatchObject({ actorId: admin.user.id, actorEmail: admin.user.email });
  });

  it.each([
    ['a short password', { password: 'short-one' }, 'password', 'tooShort'],
    ['a common password', { password: '1qaz2wsx3edc' }, 'password', 'tooCommon'],
    ['a common password with digits on its end', { password: 'password12345678' }, 'password', 'tooCommon'],
    ['a worker with no pole', { poles: [] }, 'poles', 'polesRequired'],
    ['an accountant with a pole', { role: 'accountant', poles: ['connect'] }, 'poles', 'polesNotAllowed'],
    ['a malformed e-mail', { email: 'not-an-email' }, 'email', 'format'],
    ['an unknown role', { role: 'superuser' }, 'role', 'invalid'],
    ['an unknown field', { isAdmin: true }, 'isAdmin', 'unknown'],
  ])('refuses %s, naming the field', async (_label, over, field, code) => {
    const before = await as(t.app, admin.auth).get('/api/users', { pageSize: 200 });
    const res = await as(t.app, admin.auth).post('/api/users', newWorker(over));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    const after = await as(t.app, admin.auth).get('/api/users', { pageSize: 200 });
    expect(after.body.total).toBe(before.body.total);
  });

  it('refuses an e-mail that is taken, whatever its case', async () => {
    const body = newWorker();
    await as(t.app, admin.auth).post('/api/users', body).expect(201);
    const res = await as(t.app, admin.auth).post(
      '/api/users',
      newWorker({ email: body.email.toUpperCase() }),
    );
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'taken' })]);
  });
});

describe('changing a user', () => {
  it('a new role applies on the next request, with the same token', async () => {
    // Enrolled: a new administrator without a second factor could only enrol (tested apart).
    const { user, auth } = await signedIn(t.app, { role: 'worker', poles: ['connect'], mfa: true });
    expect((await as(t.app, auth).get('/api/users')).status).toBe(403);
    await as(t.app, admin.auth).patch(`/api/users/${user.id}`, { role: 'admin' }).expect(200);
    expect((await as(t.app, auth).get('/api/users')).status).toBe(200);
    await as(t.app, admin.auth)
      .patch(`/api/users/${user.id}`, { role: 'coordinator', poles: ['connect'] })
      .expect(200);
    expect((await as(t.app, auth).get('/api/users')).status).toBe(403);
    const me = await as(t.app, auth).get('/api/me');
    expect(me.body).toMatchObject({ role: 'coordinator', poles: ['connect'] });
  });

  it('clears the poles when the role no longer takes any, and checks them when it does', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['support'] });
    const res = await as(t.app, admin.auth).patch(`/api/users/${user.id}`, { role: 'board' });
    expect(res.body).toMatchObject({ role: 'board', poles: [] });
    const back = await as(t.app, admin.auth).patch(`/api/users/${user.id}`, { role: 'worker' });
    expect(back.status).toBe(400);
    expect(back.body.errors).toEqual([expect.objectContaining({ field: 'poles', code: 'polesRequired' })]);
  });

  it('an administrator cannot disable or demote themself', async () => {
    const res = await as(t.app, admin.auth).patch(`/api/users/${admin.user.id}`, { disabled: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'disabled', code: 'notAllowed' })]);
    expect((await as(t.app, admin.auth).get('/api/me')).status).toBe(200);
  });

  it('ending a user’s sessions signs them out everywhere', async () => {
    const user = await makeUser(t.app);
    const one = await signIn(t.app, user.email);
    const two = await signIn(t.app, user.email);
    const shown = await as(t.app, admin.auth).get(`/api/users/${user.id}`);
    expect(shown.body.activeSessions).toBe(2);
    const listed = await as(t.app, admin.auth).get('/api/users', { q: user.email });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: user.id, activeSessions: 2 })]);
    const res = await as(t.app, admin.auth).delete(`/api/users/${user.id}/sessions`);
    expect(res.body).toEqual({ revoked: 2 });
    for (const s of [one, two]) {
      expect((await as(t.app, `Bearer ${s.accessToken}`).get('/api/me')).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('cookie', s.refreshCookie).send({})).status).toBe(
        401,
      );
    }
  });

  it('answers 404 for a user that does not exist, and 400 for an id that is not one', async () => {
    const missing = await as(t.app, admin.auth).get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await as(t.app, admin.auth).get('/api/users/42');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'format' })]);
  });
});

describe('listing users', () => {
  it('searches by name or e-mail, filters by pole and role, and pages', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    for (let i = 0; i < 3; i++)
      await makeUser(t.app, { role: 'worker', poles: ['housing_first'], displayName: `Zoë ${tag} ${i}` });
    await makeUser(t.app, { role: 'coordinator', poles: ['connect'], displayName: `Zoë ${tag} c` });
    await makeUser(t.app, {
      role: 'worker',
      poles: ['housing_first'],
      displayName: `Zoë ${tag} off`,
      disabled: true,
    });

    const hf = await as(t.app, admin.auth).get('/api/users', { q: tag, pole: 'housing_first' });
    expect(hf.body.total).toBe(3);
    const page2 = await as(t.app, admin.auth).get('/api/users', { q: tag, pageSize: 2, page: 2 });
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page2.body.items).toHaveLength(2);
    const withDisabled = await as(t.app, admin.auth).get('/api/users', { q: tag, includeDisabled: true });
    expect(withDisabled.body.total).toBe(5);
    const coordinators = await as(t.app, admin.auth).get('/api/users', { q: tag, role: 'coordinator' });
    expect(coordinators.body.items.map((u: { displayName: string }) => u.displayName)).toEqual([
      `Zoë ${tag} c`,
    ]);
  });

  it('treats % and _ in a search as letters', async () => {
    const res = await as(t.app, admin.auth).get('/api/users', { q: '%' });
    expect(res.body.total).toBe(0);
  });
});
