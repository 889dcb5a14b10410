import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { PASSWORD, signIn, signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('my account', () => {
  it('remembers my language', async () => {
    const { auth } = await signedIn(t.app, { role: 'board' });
    const res = await as(t.app, auth).patch('/api/me', { locale: 'nl' });
    expect(res.body.locale).toBe('nl');
    expect((await as(t.app, auth).get('/api/me')).body.locale).toBe('nl');
    const refused = await as(t.app, auth).patch('/api/me', { locale: 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'locale' })]);
  });

  it('cannot change my own role through my account', async () => {
    const { auth } = await signedIn(t.app, { role: 'worker' });
    const res = await as(t.app, auth).patch('/api/me', { role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role', code: 'unknown' })]);
  });

  it('changes my password when I give the current one', async () => {
    const { user, auth } = await signedIn(t.app);
    const wrong = await as(t.app, auth).post('/api/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'Schaerbeek-Evere-Haren',
    });
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'wrongPassword' }),
    ]);
    const weak = await as(t.app, auth).post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: '123456789012',
    });
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'tooCommon' })]);
    await as(t.app, auth)
      .post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Schaerbeek-Evere-Haren' })
      .expect(204);
    await expect(signIn(t.app, user.email)).rejects.toThrow(/401/);
    await signIn(t.app, user.email, 'Schaerbeek-Evere-Haren');
  });
});

describe('changing my password', () => {
  it('ends my other sessions (a stolen one too) and keeps the one I changed it from', async () => {
    const { user, auth } = await signedIn(t.app);
    const other = await signIn(t.app, user.email);
    await as(t.app, auth)
      .post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Anderlecht-Koekelberg-Jette' })
      .expect(204);
    expect((await as(t.app, auth).get('/api/me')).status).toBe(200);
    const stolen = await as(t.app, `Bearer ${other.accessToken}`).get('/api/me');
    expect(stolen.status).toBe(401);
    const refreshed = await t.http().post('/api/auth/refresh').set('cookie', other.refreshCookie).send({});
    expect(refreshed.status).toBe(401);
  });

  it('throttles wrong current passwords like failed sign-ins', async () => {
    const { user, auth } = await signedIn(t.app);
    const attempt = (currentPassword: string) =>
      as(t.app, auth).post('/api/me/password', { currentPassword, newPassword: 'Auderghem-Boitsfort-Uccle' });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-number-${i}`)).status).toBe(400);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The same pair is blocked at the sign-in too.
    await expect(signIn(t.app, user.email)).rejects.toThrow(/429/);
  });
});
