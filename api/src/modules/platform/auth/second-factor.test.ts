import supertest from 'supertest';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  codeFor,
  fromResponse,
  makeUser,
  PASSWORD,
  signIn,
  signedIn,
} from '../../../../test/helpers/factories.js';
import { timeStep, totpCode } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = () => supertest(t.app.server);
const login = (email: string, password = PASSWORD) => api().post('/api/auth/login').send({ email, password });
const verify = (body: Record<string, unknown>) => api().post('/api/auth/mfa').send(body);
const bearer = (res: supertest.Response) => `Bearer ${(res.body as { accessToken: string }).accessToken}`;

async function auditActions(userId: string) {
  const admin = await signedIn(t.app, { role: 'admin' });
  const res = await api()
    .get('/api/audit')
    .query({ resourceId: userId, pageSize: 100 })
    .set('authorization', admin.auth);
  return (res.body.items as { action: string }[]).map((e) => e.action);
}

describe('TOTP itself', () => {
  it("computes RFC 6238's SHA-1 test vectors (last six digits)", () => {
    // The RFC's secret is the ASCII "12345678901234567890"; in base32:
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, timeStep(59_000))).toBe('287082');
    expect(totpCode(secret, timeStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(secret, timeStep(1_234_567_890_000))).toBe('005924');
    expect(totpCode(secret, timeStep(20_000_000_000_000))).toBe('353130');
  });
});

describe('a Housing First worker without a second factor', () => {
  it('can do nothing but enrol, then enrols with a first code and gets ten recovery codes once', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['housing_first'], mfa: false });
    const res = await login(user.email).expect(200);
    expect(res.body.user.mfa).toEqual({ enrolled: false, required: true });
    const auth = bearer(res);

    // The API is closed but for enrolment and the own account.
    const refused = await api().get('/api/organisations').set('authorization', auth);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MFA_ENROLMENT_REQUIRED' });
    expect((await api().get('/api/reference/sector').set('authorization', auth)).status).toBe(403);
    expect((await api().get('/api/me').set('authorization', auth)).status).toBe(200);

    const setup = await api().post('/api/me/mfa/setup').set('authorization', auth).expect(200);
    const { secret, otpauthUri } = setup.body as { secret: string; otpauthUri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Smes:/);

    // Stored encrypted: the database never holds the secret as such.
    const [row] = await t.app.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpPendingSecret).toBeTruthy();
    expect(row!.totpPendingSecret).not.toContain(secret);

    const wrong = await api()
      .post('/api/me/mfa/confirm')
      .set('authorization', auth)
      .send({ code: codeFor(secret) === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'wrongCode' })]);
    const badFormat = await api()
      .post('/api/me/mfa/confirm')
      .set('authorization', auth)
      .send({ code: 'abc' });
    expect(badFormat.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'format' })]);

    const code = codeFor(secret);
    const confirmed = await api()
      .post('/api/me/mfa/confirm')
      .set('authorization', auth)
      .send({ code: `${code.slice(0, 3)} ${code.slice(3)}` })
      .expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    codes.forEach((c) => expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/));

    // The same session now opens the rest; the secret is never shown again.
    expect((await api().get('/api/organisations').set('authorization', auth)).status).toBe(200);
    const me = await api().get('/api/me').set('authorization', auth).expect(200);
    expect(me.body.mfa).toEqual({ enrolled: true, required: true });
    expect(JSON.stringify(me.body)).not.toContain(secret);
    expect((await api().post('/api/me/mfa/setup').set('authorization', auth)).status).toBe(409);
    expect(await auditActions(user.id)).toContain('mfa_enrolled');

    // The code that confirmed the enrolment cannot sign in.
    const next = await login(user.email).expect(200);
    const replay = await verify({ challenge: next.body.challenge, code });
    expect(replay.status).toBe(400);
    expect(replay.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'codeUsed' })]);
  });

  it('is required for administrators and Support, not for Connect by default', async () => {
    for (const [role, poles, required] of [
      ['admin', [], true],
      ['coordinator', ['support'], true],
      ['worker', ['connect', 'housing_first'], true],
      ['worker', ['connect'], false],
      ['accountant', [], false],
    ] as const) {
      const user = await makeUser(t.app, { role, poles: [...poles], mfa: false });
      const res = await login(user.email).expect(200);
      expect(res.body.user.mfa).toEqual({ enrolled: false, required });
    }
  });
});

describe('signing in with a second factor', () => {
  it('takes the password, then a code; the same code is refused the second time', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['support'] });
    const first = await login(user.email).expect(200);
    expect(first.body).toEqual({ mfaRequired: true, challenge: expect.any(String), expiresIn: 300 });
    expect(first.headers['set-cookie']).toBeUndefined();

    const code = codeFor(user.totpSecret!);
    const wrong = await verify({
      challenge: first.body.challenge,
      code: code === '123456' ? '654321' : '123456',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'wrongCode' })]);

    const ok = await verify({ challenge: first.body.challenge, code }).expect(200);
    expect(ok.body.user).toMatchObject({ id: user.id, mfa: { enrolled: true, required: true } });
    const session = fromResponse(ok);
    expect(
      (await api().get('/api/organisations').set('authorization', `Bearer ${session.accessToken}`)).status,
    ).toBe(200);

    // The challenge worked once; a captured code does not open a second sign-in.
    expect((await verify({ challenge: first.body.challenge, code })).body).toMatchObject({
      code: 'CHALLENGE_EXPIRED',
    });
    const second = await login(user.email).expect(200);
    const replay = await verify({ challenge: second.body.challenge, code });
    expect(replay.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'codeUsed' })]);
    // Nor does a made-up challenge, or one past its five minutes.
    expect((await verify({ challenge: 'made-up', code })).status).toBe(401);
    await t.app.database.db.execute(sql`update mfa_challenges set expires_at = now() - interval '1 second'`);
    expect(
      (
        await verify({
          challenge: second.body.challenge,
          code: codeFor(user.totpSecret!, Date.now() + 30_000),
        })
      ).body,
    ).toMatchObject({ code: 'CHALLENGE_EXPIRED' });
  });

  it('counts wrong codes like wrong passwords', async () => {
    const user = await makeUser(t.app, { role: 'admin' });
    const { body } = await login(user.email).expect(200);
    const right = codeFor(user.totpSecret!);
    const wrongCode = right === '000000' ? '000001' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await verify({ challenge: body.challenge, code: wrongCode })).status);
    // The password step counted one attempt; four wrong codes later, each try must wait.
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    expect((await verify({ challenge: body.challenge, code: right })).status).toBe(429);
  });

  it('takes a recovery code instead, once', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['housing_first'], mfa: false });
    const auth = bearer(await login(user.email));
    const { secret } = (await api().post('/api/me/mfa/setup').set('authorization', auth)).body as {
      secret: string;
    };
    const { recoveryCodes } = (
      await api()
        .post('/api/me/mfa/confirm')
        .set('authorization', auth)
        .send({ code: codeFor(secret) })
    ).body as { recoveryCodes: string[] };

    const first = await login(user.email).expect(200);
    const used = recoveryCodes[3]!;
    await verify({ challenge: first.body.challenge, recoveryCode: used.toUpperCase() }).expect(200);
    const again = await login(user.email).expect(200);
    const refused = await verify({ challenge: again.body.challenge, recoveryCode: used });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'recoveryCode', code: 'wrongCode' }),
    ]);
    await verify({ challenge: again.body.challenge, recoveryCode: recoveryCodes[4]! }).expect(200);
    expect(await auditActions(user.id)).toContain('mfa_recovery_code_used');
  });

  it('lets a Connect worker enrol without being asked, and then asks them for codes', async () => {
    const user = await makeUser(t.app, { role: 'worker', poles: ['connect'] });
    const auth = bearer(await login(user.email));
    expect((await api().get('/api/organisations').set('authorization', auth)).status).toBe(200);
    const { secret } = (await api().post('/api/me/mfa/setup').set('authorization', auth)).body as {
      secret: string;
    };
    await api()
      .post('/api/me/mfa/confirm')
      .set('authorization', auth)
      .send({ code: codeFor(secret) })
      .expect(200);
    expect((await login(user.email).expect(200)).body.mfaRequired).toBe(true);
  });
});

describe('an administrator resetting a second factor', () => {
  it('removes it, ends the user’s sessions, is audited, and the user enrols again', async () => {
    const admin = await signedIn(t.app, { role: 'admin' });
    const user = await makeUser(t.app, { role: 'coordinator', poles: ['support'] });
    const session = await signIn(t.app, user.email);
    const listed = await api()
      .get(`/api/users/${user.id}`)
      .set('authorization', admin.auth)
      .set('x-purpose', 'administration')
      .expect(200);
    expect(listed.body.mfaEnrolled).toBe(true);

    const reset = await api()
      .delete(`/api/users/${user.id}/mfa`)
      .set('authorization', admin.auth)
      .expect(200);
    expect(reset.body).toEqual({ revoked: 1 });
    const gone = await api().get('/api/me').set('authorization', `Bearer ${session.accessToken}`);
    expect(gone.status).toBe(401);
    const after = await api()
      .get(`/api/users/${user.id}`)
      .set('authorization', admin.auth)
      .set('x-purpose', 'administration');
    expect(after.body.mfaEnrolled).toBe(false);
    expect(await auditActions(user.id)).toContain('mfa_reset');

    // The password alone now signs in, to a session that can only enrol.
    const res = await login(user.email).expect(200);
    expect(res.body.user.mfa).toEqual({ enrolled: false, required: true });
    expect((await api().get('/api/organisations').set('authorization', bearer(res))).status).toBe(403);
  });

  it('is for administrators only', async () => {
    const coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const user = await makeUser(t.app, { role: 'worker', poles: ['support'] });
    const res = await api().delete(`/api/users/${user.id}/mfa`).set('authorization', coordinator.auth);
    expect(res.status).toBe(403);
    const [row] = await t.app.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpEnabledAt).not.toBeNull();
  });
});

describe('sessions that end', () => {
  const ageSession = (sessionId: string, minutes: number) =>
    t.app.database.db
      .update(sessions)
      .set({ lastUsedAt: sql`now() - make_interval(mins => ${minutes})` })
      .where(eq(sessions.id, sessionId));
  const sessionIdOf = (accessToken: string) =>
    (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
  const refresh = (cookie: string) => api().post('/api/auth/refresh').set('cookie', cookie).send({});

  it('end after 30 minutes without a request: the access token and the refresh are refused', async () => {
    const { session, auth } = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
    await ageSession(sessionIdOf(session.accessToken), 31);
    const res = await api().get('/api/me').set('authorization', auth);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'SESSION_IDLE' });
    // The refresh says why too, so that the SPA can tell the person.
    const refused = await refresh(session.refreshCookie);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'SESSION_IDLE' });
  });

  it('are not kept alive by silent refreshes, only by the user’s requests', async () => {
    const { session, auth } = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
    const sid = sessionIdOf(session.accessToken);
    await ageSession(sid, 29);
    const refreshed = await refresh(session.refreshCookie).expect(200);
    const [after] = await t.app.database.db.select().from(sessions).where(eq(sessions.id, sid));
    expect(Date.now() - after!.lastUsedAt.getTime()).toBeGreaterThan(28 * 60_000);
    // A request by the user restarts the clock.
    await api().get('/api/me').set('authorization', auth).expect(200);
    const [touched] = await t.app.database.db.select().from(sessions).where(eq(sessions.id, sid));
    expect(Date.now() - touched!.lastUsedAt.getTime()).toBeLessThan(60_000);
    await ageSession(sid, 31);
    const idle = await refresh(fromResponse(refreshed).refreshCookie);
    expect(idle.status).toBe(401);
    expect(idle.body).toMatchObject({ code: 'SESSION_IDLE' });
  });

  it('end 12 hours after the sign-in however busy (SESSION_MAX_HOURS)', async () => {
    const { session } = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
    const [row] = await t.app.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(session.accessToken)));
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(12, 1);
    expect(new Date(/Expires=([^;]+)/.exec(session.setCookie)![1]!).getTime()).toBeLessThanOrEqual(
      row!.expiresAt.getTime() + 1000,
    );
    await t.app.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, row!.id));
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });
});
