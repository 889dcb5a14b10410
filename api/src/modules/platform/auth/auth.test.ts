import { createSigner } from 'fast-jwt';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../../../../test/helpers/app.js';
import { fromResponse, makeUser, PASSWORD, signIn, signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_MAX_FAILURES_PER_IP: '8' });
});
afterAll(() => t.close());

const me = (auth: string) => supertest(t.app.server).get('/api/me').set('authorization', auth);
const refresh = (cookie: string) =>
  supertest(t.app.server).post('/api/auth/refresh').set('cookie', cookie).send({});

describe('sign-in', () => {
  it('returns a short-lived access token, the user, and the refresh token in a locked-down cookie', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['housing_first'] });
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, role: 'worker', poles: ['housing_first'] });
    expect(res.body.expiresIn).toBeLessThanOrEqual(600);
    const { setCookie, accessToken } = fromResponse(res);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/auth/);
    expect(JSON.stringify(res.body)).not.toContain(setCookie.split(';')[0]!.split('=')[1]!);

    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sid', 'sub']);
    expect(JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(600);

    const who = await me(`Bearer ${accessToken}`);
    expect(who.status).toBe(200);
    expect(who.body.email).toBe(user.email);
  });

  it('gives one answer for a wrong password, an unknown e-mail and a disabled account', async () => {
    const user = await makeUser(t.app);
    const disabled = await makeUser(t.app, { disabled: true });
    const answers = await Promise.all([
      supertest(t.app.server)
        .post('/api/auth/login')
        .send({ email: user.email, password: 'not-the-password-at-all' }),
      supertest(t.app.server)
        .post('/api/auth/login')
        .send({ email: 'nobody-here@smes.test', password: PASSWORD }),
      supertest(t.app.server).post('/api/auth/login').send({ email: disabled.email, password: PASSWORD }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a body with a field it does not know, naming the field', async () => {
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: 'a@smes.test', password: 'x', remember: true });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'remember', code: 'unknown' }));
  });

  it('logs successful and failed sign-ins in the audit trail', async () => {
    const admin = await signedIn(t.app, { role: 'admin' });
    const user = await makeUser(t.app);
    await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong-wrong-wrong' });
    await signIn(t.app, user.email);
    const res = await supertest(t.app.server)
      .get('/api/audit')
      .query({ actorId: user.id })
      .set('authorization', admin.auth);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['login', 'login_failed']);
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After once an e-mail has failed too often, even with the right password', async () => {
    const user = await makeUser(t.app);
    for (let i = 0; i < 3; i++) {
      const res = await supertest(t.app.server)
        .post('/api/auth/login')
        .send({ email: user.email, password: `wrong-password-${i}` });
      expect(res.status).toBe(401);
    }
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: user.email, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('throttles an address that tries many e-mails', async () => {
    const ip = '203.0.113.7';
    const tp = await createTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_IP: '4' });
    try {
      for (let i = 0; i < 4; i++) {
        await supertest(tp.app.server)
          .post('/api/auth/login')
          .set('x-forwarded-for', ip)
          .send({ email: `guess-${i}@smes.test`, password: 'wrong-password-x' });
      }
      const user = await makeUser(tp.app);
      const blocked = await supertest(tp.app.server)
        .post('/api/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: user.email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      const elsewhere = await supertest(tp.app.server)
        .post('/api/auth/login')
        .set('x-forwarded-for', '198.51.100.9')
        .send({ email: user.email, password: PASSWORD });
      expect(elsewhere.status).toBe(200);
    } finally {
      await tp.close();
    }
  });
});

describe('refresh tokens', () => {
  it('rotate on every use', async () => {
    const user = await makeUser(t.app);
    const first = await signIn(t.app, user.email);
    const res = await refresh(first.refreshCookie);
    expect(res.status).toBe(200);
    const second = fromResponse(res);
    expect(second.refreshCookie).not.toBe(first.refreshCookie);
    expect((await me(`Bearer ${second.accessToken}`)).status).toBe(200);
  });

  it('a reused token revokes the whole family, the newest token and live access tokens included', async () => {
    const user = await makeUser(t.app);
    const first = await signIn(t.app, user.email);
    const second = fromResponse(await refresh(first.refreshCookie));

    const replay = await refresh(first.refreshCookie);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SESSION_EXPIRED');

    expect((await refresh(second.refreshCookie)).status).toBe(401);
    expect((await me(`Bearer ${second.accessToken}`)).status).toBe(401);
  });

  it('without a cookie, or with a made-up one, there is no session', async () => {
    expect((await supertest(t.app.server).post('/api/auth/refresh').send({})).body.code).toBe(
      'SESSION_EXPIRED',
    );
    expect((await refresh('smes_refresh=made-up')).status).toBe(401);
  });
});

describe('sign-out and ended sessions', () => {
  it('sign-out ends the session on the server', async () => {
    const { session, auth } = await signedIn(t.app);
    const out = await supertest(t.app.server)
      .post('/api/auth/logout')
      .set('cookie', session.refreshCookie)
      .send({});
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']?.[0]).toMatch(/smes_refresh=;/);
    expect((await me(auth)).status).toBe(401);
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });

  it('a disabled user is refused on their very next request', async () => {
    const admin = await signedIn(t.app, { role: 'admin' });
    const { user, auth } = await signedIn(t.app);
    expect((await me(auth)).status).toBe(200);
    await supertest(t.app.server)
      .patch(`/api/users/${user.id}`)
      .set('authorization', admin.auth)
      .send({ disabled: true })
      .expect(200);
    const res = await me(auth);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });
});

describe('access tokens', () => {
  const forge = (
    payload: Record<string, unknown>,
    opts: { key?: string; algorithm?: 'HS256' | 'HS512' | 'none' } = {},
  ) =>
    createSigner({
      key: opts.key ?? TEST_JWT_SECRET,
      algorithm: opts.algorithm ?? 'HS256',
      noTimestamp: false,
    })(payload);

  it('are refused when forged, of another algorithm, for another audience or expired', async () => {
    const { user, session } = await signedIn(t.app);
    const sid = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string;
    const base = { sub: user.id, sid, iss: 'smes-platform', aud: 'smes-api' };
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      forge(base, { key: 'another-secret-another-secret-another-secret' }),
      forge(base, { algorithm: 'HS512' }),
      createSigner({ algorithm: 'none' })(base),
      forge({ ...base, aud: 'someone-else' }),
      forge({ ...base, iss: 'someone-else' }),
      forge({ ...base, iat: now - 1000, exp: now - 10 }),
    ];
    expect((await me(`Bearer ${forge(base)}`)).status).toBe(200);
    for (const token of bad) {
      const res = await me(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });
});
