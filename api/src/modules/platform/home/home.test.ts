import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../../test/helpers/intervision.js';
import { todayInBrussels } from '../../../lib/dates.js';

let t: TestApp;
let c: ReturnType<typeof as>;

/** A calendar day `n` days after `day`, computed at noon UTC so no zone moves it. */
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInBrussels();

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
});
afterAll(() => t.close());

describe('GET /api/home', () => {
  it('refuses anyone not signed in, as problem details', async () => {
    const res = await supertest(t.app.server).get('/api/home');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it("gives a Connect coordinator the next planned sessions (group, host) and the open cycles' unpaid fees", async () => {
    const cycle = await newCycle(c, {
      name: 'Cycle accueil',
      startsOn: plusDays(today, -60),
      endsOn: plusDays(today, 200),
    });
    const ended = await newCycle(c, {
      name: 'Cycle fini',
      startsOn: plusDays(today, -700),
      endsOn: plusDays(today, -400),
    });
    const group = await newGroup(c, cycle.id, 'Groupe des Tilleuls');
    const old = await newGroup(c, ended.id, 'Groupe ancien');
    const host = (await c.post('/api/organisations', { nameFr: 'Maison des Tilleuls' }).expect(201)).body;
    const person = (
      await c
        .post('/api/people', {
          firstName: 'Amélie',
          lastName: 'Verhaegen',
          affiliations: [{ organisationId: host.id }],
        })
        .expect(201)
    ).body;
    for (const [groupId, registeredOn] of [
      [group.id, plusDays(today, -30)],
      [old.id, plusDays(today, -650)],
    ] as const) {
      await c
        .post('/api/intervision/registrations', {
          groupId,
          personId: person.id,
          organisationId: host.id,
          registeredOn,
        })
        .expect(201);
    }
    const session = async (startsOn: string, extra: Record<string, unknown> = {}) =>
      (await c.post('/api/intervision/sessions', { groupId: group.id, startsOn, ...extra }).expect(201)).body;
    await session(plusDays(today, -7));
    const later = await session(plusDays(today, 21));
    const next = await session(today, { hostOrganisationId: host.id });
    const cancelled = await session(plusDays(today, 14));
    await c
      .patch(`/api/intervision/sessions/${cancelled.id}`, { status: 'cancelled', cancelReason: 'Grève' })
      .expect(200);

    const home = (await c.get('/api/home').expect(200)).body;
    // From today on, planned only, soonest first.
    expect(home.sessionsToCome).toEqual([
      {
        id: next.id,
        startsOn: today,
        group: { id: group.id, name: 'Groupe des Tilleuls' },
        host: expect.objectContaining({ id: host.id, nameFr: 'Maison des Tilleuls' }),
      },
      {
        id: later.id,
        startsOn: plusDays(today, 21),
        group: expect.objectContaining({ id: group.id }),
        host: null,
      },
    ]);
    // The ended cycle's unpaid fee is not to do any more.
    expect(home.unpaidFees).toEqual([{ cycleId: cycle.id, cycleName: 'Cycle accueil', count: 1 }]);
    expect(home.unpaidDues).toEqual({ year: Number(today.slice(0, 4)), count: 0 });
    expect(home).not.toHaveProperty('usersWithoutSecondFactor');
  });

  it('gives a Support coordinator nothing of Connect, and administrators the accounts without a second factor', async () => {
    const support = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth);
    expect((await support.get('/api/home').expect(200)).body).toEqual({});
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    const before = (await admin.get('/api/home').expect(200)).body.usersWithoutSecondFactor as number;
    // A new account has no second factor until its first sign-in.
    await admin
      .post('/api/users', {
        email: 'noor.peeters@smes.test',
        displayName: 'Noor Peeters',
        role: 'worker',
        poles: ['connect'],
        password: 'Tram-Vier-Zuid-Station-77',
      })
      .expect(201);
    const home = (await admin.get('/api/home').expect(200)).body;
    expect(home.usersWithoutSecondFactor).toBe(before + 1);
    expect(home.sessionsToCome).toHaveLength(2);
  });
});
