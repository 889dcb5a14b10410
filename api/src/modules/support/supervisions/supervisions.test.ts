import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { todayInBrussels } from '../../../lib/dates.js';

/**
 * Supervisions (issue 15, decision 28): a team of another organisation, its agreement and its
 * sessions led by a pair of Support workers; the year's figures; only the Support pole sees them.
 */
let t: TestApp;
let sup: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let pair: [string, string];
let orgs: string[];

const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  sup = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  pair = [
    (await makeUser(t.app, { role: 'worker', poles: ['support'], displayName: 'Inès Fictive' })).id,
    (await makeUser(t.app, { role: 'coordinator', poles: ['support'], displayName: 'Bram Verzonnen' })).id,
  ];
  orgs = [];
  for (const nameFr of ['Asbl Les Tilleuls Fictifs', 'CPAS Imaginaire', 'Clinique du Parc Inventé']) {
    orgs.push((await admin.post('/api/organisations', { nameFr }).expect(201)).body.id);
  }
});
afterAll(() => t.close());

const supervision = (body: Record<string, unknown>) =>
  sup.post('/api/support/supervisions', {
    organisationId: orgs[0],
    team: 'Équipe de rue',
    startsOn: '2023-01-06',
    ...body,
  });
const session = (id: string, body: Record<string, unknown>) =>
  sup.post(`/api/support/supervisions/${id}/sessions`, { workerIds: pair, ...body });

describe('a supervision', () => {
  it('records the team, its agreement and its sessions, led by a pair', async () => {
    const made = await supervision({
      team: '  Cellule habitat ',
      plannedSessions: 6,
      fee: '450.5',
      notes: ' ',
    }).expect(201);
    expect(made.body).toMatchObject({
      organisation: { id: orgs[0], nameFr: 'Asbl Les Tilleuls Fictifs' },
      team: 'Cellule habitat',
      startsOn: '2023-01-06',
      plannedSessions: 6,
      fee: '450.50',
      payment: null,
      notes: null,
      heldSessions: 0,
      sessions: [],
    });
    const id = made.body.id as string;
    const held = await session(id, { startsOn: '2023-02-03', status: 'held', participants: 7 }).expect(201);
    expect(held.body).toMatchObject({
      supervisionId: id,
      startsOn: '2023-02-03',
      status: 'held',
      participants: 7,
      workers: [
        { id: pair[0], displayName: 'Inès Fictive' },
        { id: pair[1], displayName: 'Bram Verzonnen' },
      ],
    });
    await session(id, { startsOn: '2023-03-02' }).expect(201);
    const cancelled = await session(id, {
      startsOn: '2023-01-20',
      status: 'cancelled',
      cancelReason: 'Confinement',
    });
    expect(cancelled.status).toBe(201);

    const read = (await sup.get(`/api/support/supervisions/${id}`).expect(200)).body;
    expect(read.heldSessions).toBe(1);
    expect(read.sessions.map((s: { startsOn: string; status: string }) => [s.startsOn, s.status])).toEqual([
      ['2023-01-20', 'cancelled'],
      ['2023-02-03', 'held'],
      ['2023-03-02', 'planned'],
    ]);
    const list = (await sup.get('/api/support/supervisions', { q: 'habitat' }).expect(200)).body;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id,
      team: 'Cellule habitat',
      heldSessions: 1,
      plannedSessions: 6,
    });
    // Found by the organisation's name too.
    expect(
      (await sup.get('/api/support/supervisions', { q: 'tilleuls' })).body.items.map(
        (s: { id: string }) => s.id,
      ),
    ).toContain(id);

    // Audited: the agreement and each session.
    const log = await admin.get('/api/audit', { resourceType: 'support_supervision_session' }).expect(200);
    expect(log.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('is corrected with its version: a stale one is 412 with the agreement as it is now', async () => {
    const made = (await supervision({ team: 'Équipe de nuit' }).expect(201)).body;
    const changed = await sup
      .patch(`/api/support/supervisions/${made.id}`, { plannedSessions: 4 }, `"v${made.version}"`)
      .expect(200);
    expect(changed.body).toMatchObject({ plannedSessions: 4, version: made.version + 1 });
    expect(changed.headers.etag).toBe(`"v${made.version + 1}"`);
    const stale = await sup.patch(
      `/api/support/supervisions/${made.id}`,
      { team: 'Autre' },
      `"v${made.version}"`,
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ team: 'Équipe de nuit', plannedSessions: 4 });
    const noVersion = await t.app.inject({
      method: 'PATCH',
      url: `/api/support/supervisions/${made.id}`,
      headers: { authorization: (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth },
      payload: { team: 'Autre' },
    });
    expect(noVersion.statusCode).toBe(428);
  });

  it('refuses bad input naming the field', async () => {
    const blank = await supervision({ team: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'team', code: 'required' })]);
    const unknown = await supervision({ organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'unknownReference' }),
    ]);
    const badFee = await supervision({ fee: '12,50' });
    expect(badFee.status).toBe(400);
    expect(JSON.stringify(badFee.body.errors)).toContain('fee');
    expect(badFee.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('takes the largest fee an amount allows (8 digits), never a server error', async () => {
    const large = await supervision({ team: 'Équipe grand budget', fee: '99999999.99' });
    expect(large.status).toBe(201);
    expect((await sup.get(`/api/support/supervisions/${large.body.id}`).expect(200)).body.fee).toBe(
      '99999999.99',
    );
    const tooLarge = await supervision({ team: 'Équipe trop grand', fee: '100000000' });
    expect(tooLarge.status).toBe(400);
    expect(JSON.stringify(tooLarge.body.errors)).toContain('fee');
  });
});

describe("a supervision's sessions", () => {
  let id: string;
  beforeAll(async () => {
    id = (await supervision({ organisationId: orgs[1], team: 'Service social' }).expect(201)).body.id;
  });

  it('are led by two different Support workers', async () => {
    const same = await session(id, { startsOn: '2022-01-04', workerIds: [pair[0], pair[0]] });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'workerIds/1', code: 'invalid' })]);
    const connect = (await makeUser(t.app, { role: 'worker', poles: ['connect'] })).id;
    const outsider = await session(id, { startsOn: '2022-01-04', workerIds: [pair[0], connect] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors).toEqual([
      expect.objectContaining({ field: 'workerIds/1', code: 'notSupportStaff' }),
    ]);
    // The pair is picked from the Support team's one list (the requests' one, read logged).
    const staff = (await sup.get('/api/support/staff').expect(200)).body.items;
    expect(staff.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(pair));
    expect(staff.map((s: { id: string }) => s.id)).not.toContain(connect);
  });

  it('a cancelled one has its reason; participants are counted at a held one; one a day', async () => {
    const noReason = await session(id, { startsOn: '2022-01-11', status: 'cancelled' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ field: 'cancelReason', code: 'required' }),
    ]);
    const counted = await session(id, { startsOn: '2022-01-11', participants: 5 });
    expect(counted.status).toBe(400);
    expect(counted.body.errors).toEqual([
      expect.objectContaining({ field: 'participants', code: 'notAllowed' }),
    ]);
    const planned = (await session(id, { startsOn: '2022-01-11' }).expect(201)).body;
    const twice = await session(id, { startsOn: '2022-01-11' });
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'startsOn', code: 'taken' })]);

    const held = await sup
      .patch(
        `/api/support/supervisions/sessions/${planned.id}`,
        { status: 'held', participants: 9 },
        `"v${planned.version}"`,
      )
      .expect(200);
    expect(held.body).toMatchObject({ status: 'held', participants: 9, version: planned.version + 1 });
    // Cancelled afterwards: the participants go, the reason is kept.
    const cancelled = await sup
      .patch(`/api/support/supervisions/sessions/${planned.id}`, {
        status: 'cancelled',
        cancelReason: 'Équipe en grève',
      })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Équipe en grève',
      participants: null,
    });
    const stale = await sup.patch(
      `/api/support/supervisions/sessions/${planned.id}`,
      { status: 'planned' },
      `"v${planned.version}"`,
    );
    expect(stale.status).toBe(412);
  });

  it('a session still to come is held only after the question (decision 15)', async () => {
    const later = addDays(todayInBrussels(), 3);
    const direct = await session(id, { startsOn: later, status: 'held' });
    expect(direct.status).toBe(409);
    expect(direct.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'sessionToCome' })]);
    const planned = (await session(id, { startsOn: later }).expect(201)).body;
    const tap = await sup.patch(`/api/support/supervisions/sessions/${planned.id}`, { status: 'held' });
    expect(tap.status).toBe(409);
    expect(tap.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'sessionToCome' })]);
    await sup
      .patch(`/api/support/supervisions/sessions/${planned.id}`, { status: 'held', confirmToCome: true })
      .expect(200);
    // Today is not to come; a held session moved to a day to come is refused on its day.
    const today = (await session(id, { startsOn: todayInBrussels(), status: 'held' }).expect(201)).body;
    const moved = await sup.patch(`/api/support/supervisions/sessions/${today.id}`, {
      startsOn: addDays(later, 1),
    });
    expect(moved.status).toBe(409);
    expect(moved.body.errors).toEqual([
      expect.objectContaining({ field: 'startsOn', code: 'sessionToCome' }),
    ]);
  });
});

describe("a supervision's fee", () => {
  it('once paid, is a money line of its organisation', async () => {
    const made = (
      await supervision({
        organisationId: orgs[2],
        team: 'Unité mobile',
        fee: '300',
        startsOn: '2032-01-10',
      }).expect(201)
    ).body;
    const paid = await sup
      .patch(`/api/support/supervisions/${made.id}`, {
        payment: { paidOn: '2032-02-01', method: 'transfer' },
      })
      .expect(200);
    expect(paid.body.payment).toMatchObject({ paidOn: '2032-02-01', amount: '300.00', method: 'transfer' });
    const lines = (await admin.get('/api/money-lines', { from: '2032-01-01', to: '2032-12-31' }).expect(200))
      .body;
    expect(lines.items).toEqual([
      expect.objectContaining({
        source: 'support.supervisions.fees',
        date: '2032-02-01',
        amount: '300.00',
        counterparty: expect.objectContaining({ id: orgs[2] }),
        label: { fr: 'Supervision Unité mobile', nl: 'Supervisie Unité mobile' },
        recordKind: 'support_supervision',
        recordId: made.id,
      }),
    ]);
    // Without a fee, a payment names its amount.
    const free = (await supervision({ team: 'Sans frais', startsOn: '2032-01-10' }).expect(201)).body;
    const noAmount = await sup.patch(`/api/support/supervisions/${free.id}`, {
      payment: { paidOn: '2032-02-01', method: 'cash' },
    });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors).toEqual([
      expect.objectContaining({ field: 'payment/amount', code: 'required' }),
    ]);
  });
});

describe("the year's figures", () => {
  it('count the sessions held and the teams supervised, as counted by hand (seed 001: 12 sessions, 4 teams in 2020)', async () => {
    // The other tests of this file keep away from 2020 and 2021: these years hold only the fixture.
    {
      const f = t;
      const admin2 = as(f.app, (await signedIn(f.app, { role: 'admin' })).auth);
      const w = as(f.app, (await signedIn(f.app, { role: 'worker', poles: ['support'] })).auth);
      const two: [string, string] = [
        (await makeUser(f.app, { role: 'worker', poles: ['support'] })).id,
        (await makeUser(f.app, { role: 'worker', poles: ['support'] })).id,
      ];
      const org = async (nameFr: string) =>
        (await admin2.post('/api/organisations', { nameFr }).expect(201)).body.id;
      const agree = async (organisationId: string, team: string, startsOn: string) =>
        (await w.post('/api/support/supervisions', { organisationId, team, startsOn }).expect(201)).body
          .id as string;
      const sessions = async (
        sid: string,
        days: string[],
        extra: Record<string, unknown> = { status: 'held' },
      ) => {
        for (const startsOn of days)
          await w
            .post(`/api/support/supervisions/${sid}/sessions`, { workerIds: two, startsOn, ...extra })
            .expect(201);
      };
      // Team A: 2 held early in 2020 (then stopped), 2 held in the second half = 4.
      const a = await agree(await org('Asbl Valfictive'), 'Équipe soignante', '2020-01-06');
      await sessions(a, ['2020-01-13', '2020-02-10', '2020-09-14', '2020-11-09']);
      await sessions(a, ['2020-04-06'], { status: 'cancelled', cancelReason: 'Confinement' });
      // Team B: 3 held in 2020, one held in 2019 (before the year) and one held in 2021.
      const bOrg = await org('CPAS Fictif de Bruxelles');
      const b = await agree(bOrg, 'Cellule prévention', '2019-10-01');
      await sessions(b, ['2019-12-02', '2020-02-03', '2020-10-05', '2020-12-07', '2021-01-11']);
      // Team C: 3 held; a planned session in 2020 counts nothing.
      const c = await agree(await org('CPAS Imaginé de Woluwe'), 'Cellule logement', '2020-01-15');
      await sessions(c, ['2020-01-20', '2020-09-21', '2020-10-19']);
      await sessions(c, ['2020-12-21'], { status: 'planned' });
      // Team D: 1 held on its first agreement, 1 on a renewal of the same team (named alike): one team.
      const dOrg = await org('Projet Issue Inventé');
      const d1 = await agree(dOrg, 'Équipe mobile', '2020-01-02');
      const d2 = await agree(dOrg, ' équipe MOBILE ', '2020-09-01');
      await sessions(d1, ['2020-01-27']);
      await sessions(d2, ['2020-10-26']);
      // Another team of team B's organisation, supervised only in 2021: not of 2020.
      const e = await agree(bOrg, 'Cellule énergie', '2021-01-01');
      await sessions(e, ['2021-02-01']);
      // 4 + 3 + 3 + 1 + 1 = 12 sessions held in 2020, for 4 teams.

      const year = { from: '2020-01-01', to: '2020-12-31' };
      const values = (
        await admin2
          .get('/api/figures/values', {
            ...year,
            ids: 'support.supervisions.sessions,support.supervisions.teams',
          })
          .expect(200)
      ).body.values as { id: string; value: number }[];
      expect(Object.fromEntries(values.map((v) => [v.id, v.value]))).toEqual({
        'support.supervisions.sessions': 12,
        'support.supervisions.teams': 4,
      });
      // Each number opens its records.
      const sessionRecords = (
        await w.get('/api/figures/support.supervisions.sessions/records', year).expect(200)
      ).body;
      expect(sessionRecords.total).toBe(12);
      expect(sessionRecords.items[0]).toMatchObject({
        kind: 'support_supervision_session',
        parentId: a,
        name: 'Équipe soignante',
        date: '2020-01-13',
        status: 'held',
        organisation: { name: { fr: 'Asbl Valfictive' } },
      });
      const teams = (await w.get('/api/figures/support.supervisions.teams/records', year).expect(200)).body;
      expect(teams.total).toBe(4);
      expect(teams.items.map((r: { id: string }) => r.id).sort()).toEqual([a, b, c, d1].sort());
      // The whole of 2021: team B's last session and team E's.
      const next = (
        await admin2.get('/api/figures/values', {
          from: '2021-01-01',
          to: '2021-12-31',
          ids: 'support.supervisions.sessions,support.supervisions.teams',
        })
      ).body.values as { id: string; value: number }[];
      expect(next.map((v) => v.value)).toEqual([2, 2]);
    }
  }, 120_000);
});

describe('who sees supervisions', () => {
  let id: string;
  let sessionId: string;
  beforeAll(async () => {
    id = (await supervision({ team: 'Équipe secrète' }).expect(201)).body.id;
    sessionId = (await session(id, { startsOn: '2023-05-04', status: 'held' }).expect(201)).body.id;
  });

  it('a Connect worker gets nothing: list, record, changes, figure records', async () => {
    const connect = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    for (const res of [
      await connect.get('/api/support/supervisions'),
      await connect.get(`/api/support/supervisions/${id}`),
      await connect.get('/api/figures/support.supervisions.sessions/records', {
        from: '2023-01-01',
        to: '2023-12-31',
      }),
      await connect.get('/api/figures/support.supervisions.teams/records', {
        from: '2023-01-01',
        to: '2023-12-31',
      }),
      await connect.post('/api/support/supervisions', {
        organisationId: orgs[0],
        team: 'Intrus',
        startsOn: '2023-01-01',
      }),
      await connect.patch(`/api/support/supervisions/${id}`, { team: 'Intrus' }),
      await connect.post(`/api/support/supervisions/${id}/sessions`, {
        workerIds: pair,
        startsOn: '2023-06-01',
      }),
      await connect.patch(`/api/support/supervisions/sessions/${sessionId}`, { participants: 3 }),
    ]) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('secrète');
    }
    expect((await sup.get(`/api/support/supervisions/${id}`)).body.team).toBe('Équipe secrète');
  });

  it('anonymous: 401; a Connect coordinator breaks the glass, with a reason, to read one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/support/supervisions' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/support/supervisions/${id}` })).statusCode).toBe(
      401,
    );
    const auth = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
    const refused = await as(t.app, auth).get(`/api/support/supervisions/${id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BREAK_GLASS_REQUIRED');
    const glass = await as(t.app, auth, { purpose: 'break_glass' })
      .get(`/api/support/supervisions/${id}`)
      .set('x-break-glass-reason', encodeURIComponent('Vérification demandée par la direction'));
    expect(glass.status).toBe(200);
    expect(glass.body.team).toBe('Équipe secrète');
  });
});
