import { createSigner } from 'fast-jwt';
import supertest from 'supertest';
import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema/index.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../../../../test/helpers/app.js';
import { fromResponse, makeUser, PASSWORD, signIn, signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (auth: string) => supertest(t.app.server).get('/api/me').set('authorization', auth);
const refresh = (cookie: string) =>
  supertest(t.app.server).post('/api/auth/refresh').set('cookie', cookie).send({});

describe('sign-in', () => {
  it('returns a short-lived access token, the user, and the refresh token in a locked-down cookie', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['connect'] });
    const res = await supertest(t.app.server)
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: user.id,
      role: 'worker',
      poles: ['connect'],
      mfa: { enrolled: false, required: false },
    });
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

  it('re-hashes a password stored with weaker argon2 settings when its owner signs in', async () => {
    const user = await makeUser(t.app);
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
    await t.app.database.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    await signIn(t.app, user.email);
    const [row] = await t.app.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toBe(weak);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=4096,p=1,t=2\$/);
    await signIn(t.app, user.email);
  });

  it('refuses sign-in, refresh and sign-out that a browser says come from another site', async () => {
    const user = await makeUser(t.app);
    for (const url of ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']) {
      const res = await supertest(t.app.server)
        .post(url)
        .set('sec-fetch-site', 'cross-site')
        .send(url.endsWith('login') ? { email: user.email, password: PASSWORD } : {});
      expect(res.status, url).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const ours = await supertest(t.app.server)
      .post('/api/auth/login')
      .set('sec-fetch-site', 'same-origin')
      .send({ email: user.email, password: PASSWORD });
    expect(ours.status).toBe(200);
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

/** A sign-in from a chosen client address (the socket's, as with no proxy in front). */
const loginFrom = (app: TestApp['app'], remoteAddress: string, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

async function auditCount(actorId: string, action: string) {
  const admin = await signedIn(t.app, { role: 'admin' });
  const res = await supertest(t.app.server)
    .get('/api/audit')
    .query({ actorId, action, pageSize: 100 })
    .set('authorization', admin.auth);
  return (res.body.items as unknown[]).length;
}

describe('throttling', () => {
  it('checks at most 5 of 300 wrong passwords sent at once, and the owner still signs in from elsewhere', async () => {
    const user = await makeUser(t.app);
    const attacker = '192.0.2.66';
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => loginFrom(t.app, attacker, user.email, `wrong-guess-${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(295);
    expect(await auditCount(user.id, 'login_failed')).toBeLessThanOrEqual(5);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // The right password from the attacking address waits too; from the owner's own, it works.
    expect((await loginFrom(t.app, attacker, user.email, PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom(t.app, '198.51.100.20', user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('makes each attempt after the fifth failure wait twice as long as the last, up to 15 minutes', async () => {
    const user = await makeUser(t.app);
    const ip = '192.0.2.77';
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom(t.app, ip, user.email, `wrong-${i}`)).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await loginFrom(t.app, ip, user.email, PASSWORD);
      expect(res.statusCode).toBe(429);
      waits.push(Number(res.headers['retry-after']));
      // Time passes: the wait is over, and the next guess is wrong again.
      await t.app.database.db.execute(
        sql`update login_throttle set blocked_until = now() - interval '1 second' where ip = ${ip} and email <> ''`,
      );
      expect((await loginFrom(t.app, ip, user.email, `wrong-again-${i}`)).statusCode).toBe(401);
    }
    // Rounded up to whole seconds from what is left of 30 s, 60 s, 120 s…
    expect(waits.map((w) => Math.round(w / 10) * 10)).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });
});

describe('behind one reverse proxy (TRUST_PROXY=1)', () => {
  let tp: TestApp;
  beforeAll(async () => {
    tp = await createTestApp({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_IP: '3' });
  });
  afterAll(() => tp.close());
  const login = (forwardedFor: string, email: string, password: string) =>
    supertest(tp.app.server)
      .post('/api/auth/login')
      .set('x-forwarded-for', forwardedFor)
      .send({ email, password });

  it('throttles an address that tries many e-mails, not the same e-mails elsewhere', async () => {
    for (let i = 0; i < 3; i++) await login('203.0.113.7', `guess-${i}@smes.test`, 'wrong-password-x');
    const user = await makeUser(tp.app);
    expect((await login('203.0.113.7', user.email, PASSWORD)).status).toBe(429);
    expect((await login('198.51.100.9', user.email, PASSWORD)).status).toBe(200);
  });

  it('a client cannot choose its address by sending X-Forwarded-For itself', async () => {
    // The proxy appends the real address; what the client wrote before it changes each time.
    for (let i = 0; i < 3; i++) {
      await login(`10.9.8.${i}, 203.0.113.50`, `guess-${i}@smes.test`, 'wrong-password-x');
    }
    const user = await makeUser(tp.app);
    expect((await login('10.9.8.99, 203.0.113.50', user.email, PASSWORD)).status).toBe(429);
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
      .set('if-match', '*')
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
