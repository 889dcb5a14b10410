import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { computeValues } from '../../reports/figures/engine.js';

let t: TestApp;
let c: ReturnType<typeof as>;
const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

/** The engine's intervision values for a period, by short id. */
async function engine(from: string, to: string) {
  const values = await computeValues(t.app.countingDb, { from, to });
  return Object.fromEntries(
    values.filter((v) => v.id.startsWith('connect.intervision.')).map((v) => [v.id.slice(20), v.value]),
  );
}
/** The ids of an engine figure's records for a period. */
async function engineRecords(id: string, from: string, to: string) {
  const res = await c
    .get(`/api/figures/connect.intervision.${id}/records`, { from, to, pageSize: 200 })
    .expect(200);
  return ids(res.body.items);
}

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
});
afterAll(() => t.close());

async function group(cycle: { name: string; startsOn: string; endsOn: string }) {
  const cycleId = (await c.post('/api/intervision/cycles', cycle).expect(201)).body.id;
  return (
    await c
      .post('/api/intervision/groups', {
        cycleId,
        name: `Groupe ${cycle.name}`,
        kind: 'intersectoral',
        language: 'fr',
        weekday: 1,
        startTime: '09:00',
        endTime: '12:00',
        facilitatorIds: [],
      })
      .expect(201)
  ).body.id as string;
}

async function register(groupId: string, orgName: string, registeredOn: string) {
  const org = (await c.post('/api/organisations', { nameFr: orgName })).body.id;
  const person = (await c.post('/api/people', { firstName: 'Inès', lastName: orgName })).body.id;
  return (
    await c
      .post('/api/intervision/registrations', {
        groupId,
        personId: person,
        organisationId: org,
        registeredOn,
      })
      .expect(201)
  ).body.id as string;
}

const session = async (groupId: string, startsOn: string, status?: string) => {
  const id = (await c.post('/api/intervision/sessions', { groupId, startsOn }).expect(201)).body.id as string;
  // A session still to come (2027) is held only when the request confirms it was asked.
  if (status)
    await c
      .patch(`/api/intervision/sessions/${id}`, { status, cancelReason: 'Grève', confirmToCome: true })
      .expect(200);
  return id;
};

describe('figures for a period', () => {
  it('count the sessions, groups, participants and fees of the calendar year 2020 across two cycles', async () => {
    // 2019-2020: one group, meets in December 2019 and in February 2020; one participant (Aulne).
    const early = await group({ name: '2019-2020', startsOn: '2019-09-01', endsOn: '2020-06-30' });
    const aulne = await register(early, 'Maison Aulne', '2019-09-15');
    await session(early, '2019-12-02', 'held');
    const feb = await session(early, '2020-02-03', 'held');
    await session(early, '2020-03-02', 'cancelled');
    // 2020-2021: one group, meets by video in October 2020 and in January 2021; two registered in 2020.
    const late = await group({ name: '2020-2021', startsOn: '2020-09-01', endsOn: '2021-06-30' });
    const charme = await register(late, 'Maison Charme', '2020-09-10');
    const hetre = await register(late, 'Maison Hêtre', '2020-09-12');
    const oct = await session(late, '2020-10-05', 'held_video');
    await session(late, '2021-01-04', 'held');
    // Aulne pays 99.90 of its 150 in 2020 for the 2019-2020 cycle (partly paid); Charme pays
    // 160.25 in 2020 (over-paid); Hêtre's payment of May 2020 was booked by mistake and undone,
    // then Hêtre pays its 150 in 2021.
    const pay = (id: string, payment: Record<string, string> | null) =>
      c.patch(`/api/intervision/registrations/${id}`, { payment }).expect(200);
    await pay(aulne, { paidOn: '2020-01-20', amount: '99.90', method: 'transfer' });
    await pay(charme, { paidOn: '2020-11-02', amount: '160.25', method: 'cash' });
    await pay(hetre, { paidOn: '2020-05-05', method: 'transfer' });
    await pay(hetre, null);
    await pay(hetre, { paidOn: '2021-01-10', method: 'transfer' });

    // 2020: both groups met; 3 February held (December 2019 and January 2021 are outside), October
    // by video, March cancelled; Aulne, Charme, Hêtre took part; invoiced in 2020: Charme and Hêtre
    // registered in 2020 (2 × 150), Aulne in 2019; received in 2020 what was paid: Aulne's 99.90
    // and Charme's 160.25 = 260.15 (Hêtre's undone payment is not, its 150 came in 2021);
    // invoiced minus received: 300 - 260.15 = 39.85.
    expect(await engine('2020-01-01', '2020-12-31')).toMatchObject({
      groups: 2,
      'groups-held': 2,
      'sessions-held': 1,
      'sessions-held-video': 1,
      'sessions-cancelled': 1,
      participants: 3,
      institutions: 3,
      'fees-invoiced': 300,
      'fees-received': 260.15,
      'fees-outstanding': 39.85,
    });
    expect(await engineRecords('sessions-held', '2020-01-01', '2020-12-31')).toEqual([feb]);
    expect(await engineRecords('sessions-held-video', '2020-01-01', '2020-12-31')).toEqual([oct]);
    expect(await engineRecords('participants', '2020-01-01', '2020-12-31')).toEqual(
      [aulne, charme, hetre].sort(),
    );
    expect(await engineRecords('fees-invoiced', '2020-01-01', '2020-12-31')).toEqual([charme, hetre].sort());
    expect(await engineRecords('fees-received', '2020-01-01', '2020-12-31')).toEqual([aulne, charme].sort());
    // 2021: Hêtre's 150, paid in full.
    expect(await engine('2021-01-01', '2021-12-31')).toMatchObject({ 'fees-received': 150 });
  });

  it('leave out who joined after the period, so a report already sent stays true', async () => {
    const g = await group({ name: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-06-30' });
    const autumn = await register(g, 'Maison Noyer', '2026-09-20');
    const later = await register(g, 'Maison Sorbier', '2027-02-01');
    await session(g, '2026-10-05', 'held');
    await session(g, '2027-03-01', 'held');
    expect(await engineRecords('participants', '2026-01-01', '2026-12-31')).toEqual([autumn]);
    expect((await engine('2026-01-01', '2026-12-31')).institutions).toBe(1);
    expect(await engineRecords('participants', '2027-01-01', '2027-12-31')).toEqual([autumn, later].sort());
  });

  it('refuse a period that ends before it starts, naming the field', async () => {
    const res = await c.get('/api/figures/values', { from: '2020-12-31', to: '2020-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'tooSmall' })]);
  });
});
