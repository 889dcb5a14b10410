import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as as asUser } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';

let t: TestApp;
let coordinator: Awaited<ReturnType<typeof signedIn>>;
const as = (auth: string) => asUser(t.app, auth);
let c: ReturnType<typeof as>;
let org: (name: string, sectors?: string[]) => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
  c = as(coordinator.auth);
  org = async (name, sectors = []) =>
    (await c.post('/api/organisations', { nameFr: name, sectorIds: sectors })).body.id;
});
afterAll(() => t.close());

describe('membership periods', () => {
  it('answer "was X a member on day D" for every day, end day included', async () => {
    const id = await org('Maison Bleue');
    await c
      .post('/api/members', { organisationId: id, startsOn: '2020-03-01', endsOn: '2022-12-31' })
      .expect(201);
    await c.post('/api/members', { organisationId: id, startsOn: '2024-01-01' }).expect(201);
    const on = async (day: string) =>
      (await c.get('/api/members/status', { organisationId: id, on: day })).body.member;
    expect(await on('2020-02-29')).toBe(false);
    expect(await on('2020-03-01')).toBe(true);
    expect(await on('2022-12-31')).toBe(true);
    expect(await on('2023-06-15')).toBe(false);
    expect(await on('2026-11-23')).toBe(true);
  });

  it('refuse a period that overlaps another of the same member, or ends before it starts', async () => {
    const id = await org('Le Pont');
    await c
      .post('/api/members', { organisationId: id, startsOn: '2021-01-01', endsOn: '2021-12-31' })
      .expect(201);
    const overlap = await c.post('/api/members', { organisationId: id, startsOn: '2021-12-31' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors).toEqual([expect.objectContaining({ field: 'startsOn', code: 'overlaps' })]);
    const backwards = await c.post('/api/members', {
      organisationId: id,
      startsOn: '2023-05-01',
      endsOn: '2023-04-30',
    });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'tooSmall' })]);
    const both = await c.post('/api/members', { startsOn: '2023-05-01' });
    expect(both.body.errors).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'required' }),
    ]);
  });

  it('list the members on a day, organisations and individuals, and count them by sector', async () => {
    const mental = await refId(t.app, coordinator.auth, 'sector', 'mental_health');
    const homeless = await refId(t.app, coordinator.auth, 'sector', 'homeless');
    const both = await org('Double Secteur', [mental, homeless]);
    const one = await org('Un Secteur', [homeless]);
    const gone = await org('Ancien Membre', [mental]);
    const person = (await c.post('/api/people', { firstName: 'Noor', lastName: 'Aerts' })).body.id;
    for (const body of [
      { organisationId: both, startsOn: '2019-01-01' },
      { organisationId: one, startsOn: '2019-01-01' },
      { organisationId: gone, startsOn: '2019-01-01', endsOn: '2019-12-31' },
      { personId: person, startsOn: '2019-06-01' },
    ]) {
      await c.post('/api/members', body).expect(201);
    }
    const day = { on: '2025-01-01' };
    const list = await c.get('/api/members', { ...day, q: 'secteur' });
    expect(
      list.body.items.map(
        (m: { holder: { organisation: { nameFr: string } } }) => m.holder.organisation.nameFr,
      ),
    ).toEqual(['Double Secteur', 'Un Secteur']);
    const people = await c.get('/api/members', { ...day, kind: 'person' });
    expect(
      people.body.items.map((m: { holder: { person: { lastName: string } } }) => m.holder.person.lastName),
    ).toContain('Aerts');

    // Members by sector on a day: the engine's figure for that one day, by sector.
    const bySectorOn = async (on: string) =>
      (
        await c
          .get('/api/figures/association.members.organisations/breakdown/sector', { from: on, to: on })
          .expect(200)
      ).body.rows as { key: string; value: number }[];
    const inSector = (rows: { key: string; value: number }[], id: string) =>
      rows.find((r) => r.key === id)?.value ?? 0;
    const now = await bySectorOn(day.on);
    expect(inSector(now, homeless)).toBeGreaterThanOrEqual(2);
    expect(inSector(now, mental)).toBeGreaterThanOrEqual(1);
    const before = await bySectorOn('2019-07-01');
    expect(inSector(before, mental) - inSector(now, mental)).toBe(1);
  });
});

describe('general assembly and board', () => {
  it('seat members with roles and terms; a non-member gets no seat', async () => {
    const id = await org('Siège Social');
    const rep = (await c.post('/api/people', { firstName: 'Jonas', lastName: 'Maes' })).body.id;
    const outsider = await org('Pas Membre');
    await c.post('/api/members', { organisationId: id, startsOn: '2024-01-01' }).expect(201);
    const ag = await c.post('/api/governance/seats', {
      body: 'general_assembly',
      organisationId: id,
      representativeId: rep,
      role: 'member',
      startsOn: '2024-06-01',
    });
    expect(ag.status).toBe(201);
    const board = await c.post('/api/governance/seats', {
      body: 'board',
      organisationId: id,
      role: 'co_chair',
      startsOn: '2024-06-01',
      endsOn: '2026-05-31',
    });
    expect(board.status).toBe(201);
    const refused = await c.post('/api/governance/seats', {
      body: 'general_assembly',
      organisationId: outsider,
      role: 'member',
      startsOn: '2024-06-01',
    });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'notMember' }),
    ]);

    const current = await c.get('/api/governance/seats', { body: 'board', on: '2025-01-01' });
    expect(current.body.items).toEqual([
      expect.objectContaining({
        role: 'co_chair',
        holder: expect.objectContaining({
          organisation: expect.objectContaining({ nameFr: 'Siège Social' }),
        }),
      }),
    ]);
    expect((await c.get('/api/governance/seats', { body: 'board', on: '2026-06-01' })).body.items).toEqual(
      [],
    );
    const assembly = await c.get('/api/governance/seats', { body: 'general_assembly', on: '2025-01-01' });
    expect(assembly.body.items[0].representative).toMatchObject({ lastName: 'Maes' });
  });
});

describe('who reaches membership and dues', () => {
  it('Connect workers read members; other poles do not; the accountant reads dues but not members', async () => {
    const connectWorker = as((await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    expect((await connectWorker.get('/api/members')).status).toBe(200);
    expect(
      (await connectWorker.post('/api/members', { organisationId: await org('X'), startsOn: '2025-01-01' }))
        .status,
    ).toBe(403);
    const supportWorker = as((await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
    expect((await supportWorker.get('/api/members')).status).toBe(403);
    const accountant = as((await signedIn(t.app, { role: 'accountant' })).auth);
    expect((await accountant.get('/api/dues', { year: 2031 })).status).toBe(200);
    expect((await accountant.get('/api/members')).status).toBe(403);
    expect(
      (
        await accountant.patch('/api/dues/00000000-0000-4000-8000-000000000000', {
          payment: { paidOn: '2031-01-01', method: 'cash' },
        })
      ).status,
    ).toBe(403);
  });
});
