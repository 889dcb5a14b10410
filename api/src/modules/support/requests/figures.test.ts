import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRecordPage, Pole, Role } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';
import { breakdown, computeValues } from '../../reports/figures/engine.js';

/**
 * Support's request figures checked against 2020 counted by hand (seed 001, the Support page of
 * the 2020 activity report: "36 requests, 8 sectors", nearly two thirds about women), from the
 * definitions (figures.ts), not from the implementation.
 *
 * Requests of 2020, i = 0…35, received on day 3, 10 or 17 (i ÷ 12 → 3 + 7 × that) of month
 * (i mod 12) + 1, at 10:00 UTC; except r0, received 2019-12-31 23:30 UTC = 2020-01-01 00:30 in
 * Brussels (a 2020 request, answered the same Brussels day: 0 days).
 *   requester: r0–r10 homeless (11), r11–r19 general social aid (9), r20–r24 general health (5),
 *              r25–r29 mental health (5), r30–r31 housing (2), r32 prevention (1), r33 youth (1),
 *              r34 addiction (1): 35 professionals from 8 sectors; r35 a friend, counted apart.
 *   about a woman: r0–r22 = 23 of 36 (0.6389, "nearly two thirds"); the others a man.
 *   first answer: r0–r29, (i mod 10) days after the received day; due on that day + 7, so
 *              delays 0–7 are in time (8 per ten: 24), 8 and 9 late (6); r30–r35 unanswered.
 *              Median of 0…9 three times each: (4 + 5) / 2 = 4.5 days.
 *   interventions: r0–r9, one each, 3 days after the received day, place (i mod 4):
 *              requester's service r0 r4 r8 (3), place of life r1 r5 r9 (3), street r2 r6 (2),
 *              phone or video r3 r7 (2): 10.
 *   closed: r0–r19, 14 days after the received day (all in 2020); r20 closed 2021-01-15.
 * Outside 2020: rOld, received 2019-11-05 and never closed (open at the end of 2020, not new);
 * rNext, received 2020-12-31 23:30 UTC = 2021-01-01 in Brussels, from an organisation in two
 * sectors (mental health and addiction), with an intervention on 2021-01-05.
 * Open at the end of 2020: r20–r35 (16) + rOld = 17.
 */

let t: TestApp;
let auth: string;
let pair: [string, string];
const sector: Record<string, string> = {};
const org: Record<string, string> = {};
const worker: Record<string, string> = {};
const req: string[] = [];
let rOld: string;
let rNext: string;

const post = async (url: string, body: Record<string, unknown>, expected = 201) => {
  const res = await as(t.app, auth).post(url, body);
  if (res.status !== expected) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
};

const SECTORS = [
  'homeless',
  'general_social',
  'general_health',
  'mental_health',
  'housing',
  'prevention',
  'youth',
  'addiction',
] as const;
/** Requests per sector, in the order of SECTORS: r0–r10, r11–r19… */
const PER_SECTOR = [11, 9, 5, 5, 2, 1, 1, 1];
const PLACES = ['requester_service', 'place_of_life', 'street', 'phone_or_video'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
/** The received day in Brussels of r<i>. */
const dayOf = (i: number) =>
  i === 0 ? '2020-01-01' : `2020-${pad((i % 12) + 1)}-${pad(3 + 7 * Math.floor(i / 12))}`;
const sectorOf = (i: number) => {
  let n = i;
  for (const [k, count] of PER_SECTOR.entries()) {
    if (n < count) return SECTORS[k]!;
    n -= count;
  }
  return null;
};

async function take(receivedAt: string, requester: Record<string, unknown>, gender: string) {
  return (
    await post('/api/support/requests', {
      receivedAt,
      channel: 'phone',
      requester,
      person: { gender },
      impasse: 'Impasse de démonstration, sans nom.',
    })
  ).id;
}

const professional = (key: string) => ({
  kind: 'professional',
  personId: worker[key],
  organisationId: org[key],
});

beforeAll(async () => {
  t = await createTestApp();
  const me = await signedIn(t.app, {
    role: 'coordinator',
    poles: ['support'],
    displayName: 'Lise Coordination',
  });
  auth = me.auth;
  const other = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Tom Binôme' });
  pair = [me.user.id, other.user.id];
  for (const s of SECTORS) sector[s] = await refId(t.app, auth, 'sector', s);
  const orgs: [string, string[]][] = [
    ...SECTORS.map((s): [string, string[]] => [s, [s]]),
    ['two', ['mental_health', 'addiction']],
  ];
  for (const [key, sectors] of orgs) {
    org[key] = (
      await post('/api/organisations', {
        nameFr: `Service fictif ${key}`,
        sectorIds: sectors.map((s) => sector[s]),
      })
    ).id;
    worker[key] = (
      await post('/api/people', {
        firstName: 'Alix',
        lastName: `Fictive-${key}`,
        affiliations: [{ organisationId: org[key] }],
      })
    ).id;
  }

  for (let i = 0; i < 36; i++) {
    const day = dayOf(i);
    const receivedAt = i === 0 ? '2019-12-31T23:30:00Z' : `${day}T10:00:00Z`;
    const s = sectorOf(i);
    const requester = s ? professional(s) : { kind: 'friend', name: 'Un ami', callBack: '0470 00 00 00' };
    const id = await take(receivedAt, requester, i < 23 ? 'female' : 'male');
    req.push(id);
    if (i < 30) {
      await post(
        `/api/support/requests/${id}/first-answer`,
        { answeredOn: addDays(day, i % 10), byUserId: pair[0], how: 'phone' },
        200,
      );
    }
    if (i < 10) {
      await post(`/api/support/requests/${id}/interventions`, {
        heldOn: addDays(day, 3),
        workerIds: pair,
        place: PLACES[i % 4],
      });
    }
    if (i < 20) {
      await post(
        `/api/support/requests/${id}/close`,
        { closedOn: addDays(day, 14), reason: 'unblocked' },
        200,
      );
    }
    if (i === 20) {
      await post(`/api/support/requests/${id}/close`, { closedOn: '2021-01-15', reason: 'referred' }, 200);
    }
  }
  rOld = await take('2019-11-05T10:00:00Z', professional('homeless'), 'female');
  rNext = await take('2020-12-31T23:30:00Z', professional('two'), 'female');
  await post(`/api/support/requests/${rNext}/interventions`, {
    heldOn: '2021-01-05',
    workerIds: pair,
    place: 'street',
  });
  // Sectors are those of the day a request was taken: the homeless service moves to housing later.
  const moved = await as(t.app, auth).patch(`/api/organisations/${org.homeless}`, {
    sectorIds: [sector.housing],
  });
  if (moved.status !== 200)
    throw new Error(`moving the organisation: ${moved.status} ${JSON.stringify(moved.body)}`);
}, 600_000);
afterAll(() => t.close());

const Y2020 = { from: '2020-01-01', to: '2020-12-31' };
const Y2021 = { from: '2021-01-01', to: '2021-12-31' };
const S = (id: string) => `support.${id}`;

async function valuesOf(period: { from: string; to: string }) {
  const values = await computeValues(t.app.countingDb, period);
  return Object.fromEntries(values.filter((v) => v.id.startsWith('support.')).map((v) => [v.id, v]));
}

const recordsOf = async (id: string, query: Record<string, unknown> = {}, a = auth) => {
  const res = await as(t.app, a).get(`/api/figures/${S(id)}/records`, { ...Y2020, pageSize: 100, ...query });
  if (res.status !== 200) throw new Error(`records of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as FigureRecordPage;
};
const ids = (page: FigureRecordPage) => page.items.map((r) => r.id).sort();
const sorted = (xs: string[]) => [...xs].sort();
const range = (from: number, to: number) => req.slice(from, to + 1);

describe('Support request figures for 2020 (seed 001: 36 requests, 8 sectors)', () => {
  it('count 36 new requests from 8 sectors, 23 about women, 24 answered within the week', async () => {
    const v = await valuesOf(Y2020);
    expect(v[S('requests.new')]!.value).toBe(36);
    expect(v[S('requests.sectors')]!.value).toBe(8);
    expect(v[S('requests.non-professional')]).toMatchObject({ value: 0.0278, numerator: 1, denominator: 36 });
    expect(v[S('requests.about-women')]).toMatchObject({ value: 0.6389, numerator: 23, denominator: 36 });
    expect(v[S('requests.answered-within-week')]).toMatchObject({
      value: 0.6667,
      numerator: 24,
      denominator: 36,
    });
    expect(v[S('requests.days-to-first-answer')]!.value).toBe(4.5);
    expect(v[S('requests.open-at-end')]!.value).toBe(17);
    expect(v[S('interventions.held')]!.value).toBe(10);
    expect(v[S('interventions.requester-service')]).toMatchObject({ numerator: 3, value: 0.3 });
    expect(v[S('interventions.place-of-life')]).toMatchObject({ numerator: 3, value: 0.3 });
    expect(v[S('interventions.street')]).toMatchObject({ numerator: 2, value: 0.2 });
    expect(v[S('interventions.phone-or-video')]).toMatchObject({ numerator: 2, value: 0.2 });
  });

  it('break the requests down by the sector of the day they came, the friend counted apart', async () => {
    const b = await breakdown({
      db: t.app.countingDb,
      id: S('requests.new'),
      dimension: 'sector',
      query: Y2020,
    });
    const rows = Object.fromEntries(b.rows.map((r) => [r.key, { value: r.value, share: r.share }]));
    // The seed's percentages: 30.5 %, 25 %, 14 %, 14 %, 5.5 %, 2.75 % × 3, "other (friend)" 2.75 %.
    expect(rows).toEqual({
      [sector.homeless!]: { value: 11, share: 0.3056 },
      [sector.general_social!]: { value: 9, share: 0.25 },
      [sector.general_health!]: { value: 5, share: 0.1389 },
      [sector.mental_health!]: { value: 5, share: 0.1389 },
      [sector.housing!]: { value: 2, share: 0.0556 },
      [sector.prevention!]: { value: 1, share: 0.0278 },
      [sector.youth!]: { value: 1, share: 0.0278 },
      [sector.addiction!]: { value: 1, share: 0.0278 },
      apart: { value: 1, share: 0.0278 },
    });
    expect(b.rows.find((r) => r.key === 'apart')!.label).toEqual({
      fr: 'Non-professionnel·les (hors secteur)',
      nl: 'Niet-professionals (buiten sector)',
    });
    const women = await breakdown({
      db: t.app.countingDb,
      id: S('requests.about-women'),
      dimension: 'sector',
      query: Y2020,
    });
    expect(Object.fromEntries(women.rows.map((r) => [r.key, r.value]))).toEqual({
      [sector.homeless!]: 11,
      [sector.general_social!]: 9,
      [sector.general_health!]: 3,
    });
  });

  it('count a requester in two sectors in each, and a request by its received day in Brussels', async () => {
    const v = await valuesOf(Y2021);
    expect(v[S('requests.new')]!.value).toBe(1);
    expect(v[S('requests.sectors')]!.value).toBe(2);
    expect(v[S('interventions.held')]!.value).toBe(1);
    expect(v[S('requests.days-to-first-answer')]!.value).toBeNull();
    const b = await breakdown({
      db: t.app.countingDb,
      id: S('requests.new'),
      dimension: 'sector',
      query: Y2021,
    });
    expect(b.rows.map((r) => [r.key, r.value, r.share]).sort()).toEqual(
      [
        [sector.mental_health, 1, 1],
        [sector.addiction, 1, 1],
      ].sort(),
    );
    // A day's period: r0 came on 1 January 2020 in Brussels (31 December in UTC).
    expect((await valuesOf({ from: '2020-01-01', to: '2020-01-01' }))[S('requests.new')]!.value).toBe(1);
    expect((await valuesOf({ from: '2019-12-31', to: '2019-12-31' }))[S('requests.new')]!.value).toBe(0);
  });

  it('open each figure to its records: the same rows as the value, codes only', async () => {
    expect(ids(await recordsOf('requests.new'))).toEqual(sorted(range(0, 35)));
    expect(ids(await recordsOf('requests.about-women'))).toEqual(sorted(range(0, 22)));
    expect(ids(await recordsOf('requests.non-professional'))).toEqual([req[35]]);
    const inTime = req.filter((_, i) => i < 30 && i % 10 <= 7);
    expect(ids(await recordsOf('requests.answered-within-week'))).toEqual(sorted(inTime));
    expect(ids(await recordsOf('requests.days-to-first-answer'))).toEqual(sorted(range(0, 29)));
    expect(ids(await recordsOf('requests.open-at-end'))).toEqual(sorted([...range(20, 35), rOld]));
    expect((await recordsOf('requests.sectors')).items.map((s) => s.id).sort()).toEqual(
      sorted(SECTORS.map((s) => sector[s]!)),
    );
    const homeless = await recordsOf('requests.new', { dimension: 'sector', key: sector.homeless });
    expect(ids(homeless)).toEqual(sorted(range(0, 10)));
    const apart = await recordsOf('requests.new', { dimension: 'sector', key: 'apart' });
    expect(ids(apart)).toEqual([req[35]]);

    const interventions = await recordsOf('interventions.held');
    expect(interventions.total).toBe(10);
    expect(sorted(interventions.items.map((r) => r.parentId!))).toEqual(sorted(range(0, 9)));
    // Each opens (and is logged as) its request.
    expect(interventions.items.map((r) => r.id)).toEqual(interventions.items.map((r) => r.parentId));
    const street = await recordsOf('interventions.street');
    expect(sorted(street.items.map((r) => r.parentId!))).toEqual(sorted([req[2]!, req[6]!]));
    expect(street.items[0]).toMatchObject({ kind: 'support_request', status: 'street', date: '2020-03-06' });

    const first = (await recordsOf('requests.new', { pageSize: 1 })).items[0]!;
    expect(first).toMatchObject({
      kind: 'support_request',
      id: req[0],
      date: '2020-01-01',
      status: 'closed',
      organisation: { id: org.homeless, name: { fr: 'Service fictif homeless' } },
    });
    expect(first.name).toMatch(/^S-[A-Z2-9]{6}$/);
    expect(JSON.stringify(await recordsOf('requests.new'))).not.toContain('Impasse');
  });

  it('logs each page of records read, with its purpose', async () => {
    await recordsOf('requests.about-women');
    const admin = (await signedIn(t.app, { role: 'admin' })).auth;
    const audit = await as(t.app, admin)
      .get('/api/audit', { resourceType: 'support_request', action: 'read' })
      .expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        details: expect.objectContaining({
          figure: S('requests.about-women'),
          from: '2020-01-01',
          records: 23,
        }),
      }),
    );
    const noPurpose = await as(t.app, auth, { purpose: null }).get(
      `/api/figures/${S('requests.new')}/records`,
      Y2020,
    );
    expect(noPurpose.status).toBe(400);
  });
});

describe('who reads Support figures', () => {
  it('gives every staff member the values, and the records to the Support pole only', async () => {
    const actors: { role: Role; poles: Pole[] }[] = [
      { role: 'worker', poles: ['connect'] },
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['housing_first'] },
      { role: 'coordinator', poles: ['housing_first'] },
      { role: 'board', poles: [] },
    ];
    for (const actor of actors) {
      const a = (await signedIn(t.app, actor)).auth;
      for (const id of ['requests.new', 'interventions.held', 'requests.open-at-end']) {
        const records = await as(t.app, a).get(`/api/figures/${S(id)}/records`, Y2020);
        expect(records.status, `${actor.role} ${actor.poles.join()} ${id}`).toBe(403);
        expect(JSON.stringify(records.body)).not.toMatch(/S-[A-Z2-9]{6}/);
      }
      const values = await as(t.app, a)
        .get('/api/figures/values', { ...Y2020, ids: S('requests.new') })
        .expect(200);
      expect(values.body.values[0].value).toBe(36);
    }
    const supportWorker = (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth;
    expect((await recordsOf('requests.new', {}, supportWorker)).total).toBe(36);
    const anonymous = await t
      .http()
      .get(`/api/figures/${S('requests.new')}/records`)
      .query(Y2020);
    expect(anonymous.status).toBe(401);
  });
});
