import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureCatalogue, FigureRecordItem, FigureValue, Pole, Role } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';
import { computeValues } from './engine.js';

/**
 * The association's and representation's figures against a fixture counted by hand, through
 * the engine (below HTTP) and the routes.
 *
 * Organisations          sectors                   commune      membership
 *   Maison Double        mental_health + homeless  ixelles      2019-01-01–2022-12-31, 2023-01-01–
 *   Centre Simple        youth                     schaerbeek   2025-03-01–
 *   Atelier Sans         (none)                    (none)       2024-01-01–2024-12-31
 *   Ancien Membre        homeless                  ixelles      2020-01-01–2024-06-30
 * Person Jan Peeters: member 2024-05-01–
 *
 * Dues: 2024 Double 100.00 paid 2024-03-01; 2024 Sans 50.50 unpaid; 2024 Peeters 20.00 paid
 *       2024-06-01; 2025 Double 100.00 unpaid.
 * Representation meetings: 2024-03-10, 2024-11-20, 2025-01-15.
 */

let t: TestApp;
let c: ReturnType<typeof as>;
const org: Record<string, string> = {};
const sector: Record<string, string> = {};
const commune: Record<string, string> = {};
const meeting: Record<string, string> = {};
const year2024 = { from: '2024-01-01', to: '2024-12-31' };

const value = (values: FigureValue[], id: string) => values.find((v) => v.id === id)?.value;

beforeAll(async () => {
  t = await createTestApp();
  const auth = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
  c = as(t.app, auth);
  for (const code of ['mental_health', 'homeless', 'youth'])
    sector[code] = await refId(t.app, auth, 'sector', code);
  for (const code of ['ixelles', 'schaerbeek']) commune[code] = await refId(t.app, auth, 'commune', code);
  const organisation = async (key: string, nameFr: string, sectors: string[], communeCode?: string) => {
    org[key] = (
      await c
        .post('/api/organisations', {
          nameFr,
          sectorIds: sectors.map((s) => sector[s]),
          ...(communeCode ? { communeId: commune[communeCode] } : {}),
        })
        .expect(201)
    ).body.id;
  };
  await organisation('double', 'Maison Double', ['mental_health', 'homeless'], 'ixelles');
  await organisation('simple', 'Centre Simple', ['youth'], 'schaerbeek');
  await organisation('sans', 'Atelier Sans', []);
  await organisation('ancien', 'Ancien Membre', ['homeless'], 'ixelles');
  const peeters = (await c.post('/api/people', { firstName: 'Jan', lastName: 'Peeters' }).expect(201)).body
    .id;

  const member = (body: Record<string, unknown>) => c.post('/api/members', body).expect(201);
  await member({ organisationId: org.double, startsOn: '2019-01-01', endsOn: '2022-12-31' });
  await member({ organisationId: org.double, startsOn: '2023-01-01' });
  await member({ organisationId: org.simple, startsOn: '2025-03-01' });
  await member({ organisationId: org.sans, startsOn: '2024-01-01', endsOn: '2024-12-31' });
  await member({ organisationId: org.ancien, startsOn: '2020-01-01', endsOn: '2024-06-30' });
  await member({ personId: peeters, startsOn: '2024-05-01' });

  const due = async (body: Record<string, unknown>, paidOn?: string) => {
    const id = (await c.post('/api/dues', body).expect(201)).body.id;
    if (paidOn) await c.patch(`/api/dues/${id}`, { payment: { paidOn, method: 'transfer' } }).expect(200);
  };
  await due({ year: 2024, organisationId: org.double, amountDue: '100.00' }, '2024-03-01');
  await due({ year: 2024, organisationId: org.sans, amountDue: '50.50' });
  await due({ year: 2024, personId: peeters, amountDue: '20.00' }, '2024-06-01');
  await due({ year: 2025, organisationId: org.double, amountDue: '100.00' });

  for (const heldOn of ['2024-03-10', '2024-11-20', '2025-01-15']) {
    meeting[heldOn] = (
      await c
        .post('/api/representation-meetings', {
          heldOn,
          body: 'Plateforme de concertation',
          topic: `Réunion ${heldOn}`,
          attendeeIds: [],
        })
        .expect(201)
    ).body.id;
  }
});
afterAll(() => t.close());

describe('the association and representation figures, below HTTP', () => {
  it('count the member organisations and people of a period, an organisation with two periods once', async () => {
    const db = t.app.countingDb;
    const ids = ['association.members.organisations', 'association.members.people'];
    // 2024: Double (second period), Sans, Ancien (until 30 June) = 3; Peeters = 1
    const y2024 = await computeValues(db, year2024, ids);
    expect(y2024).toEqual([
      { id: 'association.members.organisations', version: 1, value: 3 },
      { id: 'association.members.people', version: 1, value: 1 },
    ]);
    // 1 July 2024: Double, Sans (Ancien ended on 30 June) = 2
    expect(value(await computeValues(db, { from: '2024-07-01', to: '2024-07-01' }, ids), ids[0]!)).toBe(2);
    // 2022–2023: Double's two periods both overlap: still 1 (Ancien too: 2)
    expect(value(await computeValues(db, { from: '2022-06-01', to: '2023-06-01' }, ids), ids[0]!)).toBe(2);
    // 2025: Double, Simple = 2
    expect(value(await computeValues(db, { from: '2025-01-01', to: '2025-12-31' }, ids), ids[0]!)).toBe(2);
  });

  it('total the dues of the years a period touches; outstanding is due minus paid', async () => {
    const db = t.app.countingDb;
    const ids = [
      'association.dues.due',
      'association.dues.paid',
      'association.dues.outstanding',
      'association.dues.unpaid',
    ];
    // 2024: due 100 + 50.50 + 20 = 170.50; paid 100 + 20 = 120; outstanding 50.50; unpaid: Sans = 1
    expect((await computeValues(db, year2024, ids)).map((v) => v.value)).toEqual([170.5, 120, 50.5, 1]);
    // 2024–2025: due 270.50; paid 120; outstanding 150.50; unpaid: Sans, Double 2025 = 2
    expect(
      (await computeValues(db, { from: '2024-01-01', to: '2025-12-31' }, ids)).map((v) => v.value),
    ).toEqual([270.5, 120, 150.5, 2]);
    // 2023: nothing
    expect(
      (await computeValues(db, { from: '2023-01-01', to: '2023-12-31' }, ids)).map((v) => v.value),
    ).toEqual([0, 0, 0, 0]);
  });

  it('count the representation meetings of a period (a year: the meetings per year)', async () => {
    const db = t.app.countingDb;
    const id = 'connect.representation.meetings';
    expect(value(await computeValues(db, year2024, [id]), id)).toBe(2);
    expect(value(await computeValues(db, { from: '2025-01-01', to: '2025-12-31' }, [id]), id)).toBe(1);
    expect(value(await computeValues(db, { from: '2024-03-10', to: '2024-03-10' }, [id]), id)).toBe(1);
  });

  it('answers every figure when none is named, in the catalogue order', async () => {
    const all = await computeValues(t.app.countingDb, year2024);
    const catalogue = (await c.get('/api/figures').expect(200)).body as FigureCatalogue;
    expect(all.map((v) => v.id)).toEqual(catalogue.map((f) => f.id));
  });
});

describe('GET /api/figures', () => {
  it('lists each figure once with its pole, unit, kind, version, FR and NL labels, dimensions and filters', async () => {
    const catalogue = (await c.get('/api/figures').expect(200)).body as FigureCatalogue;
    expect(new Set(catalogue.map((f) => f.id)).size).toBe(catalogue.length);
    expect(catalogue.find((f) => f.id === 'association.members.organisations')).toEqual({
      id: 'association.members.organisations',
      pole: 'association',
      unit: 'count',
      kind: 'membership',
      sensitive: false,
      version: 1,
      label: { fr: 'Organisations membres', nl: 'Lid-organisaties' },
      dimensions: ['sector', 'commune'],
      filters: [],
      hasRecords: true,
    });
    expect(catalogue.find((f) => f.id === 'connect.intervision.participants')).toMatchObject({
      pole: 'connect',
      kind: 'intervision_registration',
      sensitive: true,
      filters: ['cycleId'],
    });
    expect(catalogue.find((f) => f.id === 'association.dues.outstanding')).toMatchObject({
      unit: 'difference',
      of: ['association.dues.due', 'association.dues.paid'],
      hasRecords: false,
    });
    for (const f of catalogue) {
      expect(f.label.fr, f.id).not.toBe('');
      expect(f.label.nl, f.id).not.toBe('');
    }
  });
});

describe('GET /api/figures/values', () => {
  it('answers the values asked for, with their versions', async () => {
    const res = await c
      .get('/api/figures/values', {
        ...year2024,
        ids: 'association.dues.due,connect.representation.meetings',
      })
      .expect(200);
    expect(res.body).toEqual({
      ...year2024,
      values: [
        { id: 'association.dues.due', version: 1, value: 170.5 },
        { id: 'connect.representation.meetings', version: 2, value: 2 },
      ],
    });
  });

  it('gives no value to a figure that does not take a filter asked for', async () => {
    const res = await c
      .get('/api/figures/values', {
        ...year2024,
        cycleId: '0b9e3c1e-5d0a-4b8e-9f00-7c2d3a4b5c6d',
        ids: 'association.dues.due,connect.intervision.groups',
      })
      .expect(200);
    expect(res.body.values).toEqual([
      { id: 'association.dues.due', version: 1, value: null },
      { id: 'connect.intervision.groups', version: 2, value: 0 },
    ]);
  });

  it('refuses a period ending before it starts, an unknown figure and a bad date, naming the field', async () => {
    const field = async (query: Record<string, unknown>) => {
      const res = await c.get('/api/figures/values', query);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await field({ from: '2024-12-31', to: '2024-01-01' })).toEqual(['to']);
    expect(await field({ ...year2024, ids: 'association.dues.due,nothing.here' })).toEqual(['ids']);
    expect(await field({ from: '2024-02-30', to: '2024-12-31' })).toEqual(['from']);
    expect(await field({ to: '2024-12-31' })).toEqual(['from']);
  });

  it('the board and every staff role read values; nobody without a token', async () => {
    const actors: { role: Role; poles: Pole[] }[] = [
      { role: 'board', poles: [] },
      { role: 'accountant', poles: [] },
      { role: 'worker', poles: ['support'] },
      { role: 'worker', poles: ['housing_first'] },
    ];
    for (const actor of actors) {
      const other = as(t.app, (await signedIn(t.app, actor)).auth);
      const res = await other.get('/api/figures/values', {
        ...year2024,
        ids: 'association.members.organisations',
      });
      expect(res.status, actor.role).toBe(200);
      expect(res.body.values[0].value).toBe(3);
    }
    const anonymous = await t.http().get('/api/figures/values').query(year2024);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/figures/{id}/records', () => {
  const records = (id: string, query: Record<string, unknown>, client = c) =>
    client.get(`/api/figures/${id}/records`, query);

  it('pages the records behind a number: as many as the value, in a stable order', async () => {
    const id = 'association.members.organisations';
    const first = (await records(id, { ...year2024, pageSize: 2 }).expect(200)).body;
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = (await records(id, { ...year2024, pageSize: 2, page: 2 }).expect(200)).body;
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    const names = [...first.items, ...second.items].map((r: FigureRecordItem) => r.name);
    expect(names).toEqual([{ fr: 'Ancien Membre' }, { fr: 'Atelier Sans' }, { fr: 'Maison Double' }]);
    const double = first.items.length === 2 ? second.items[0] : undefined;
    expect(double).toMatchObject({ kind: 'membership', date: '2023-01-01', endsOn: null });
    expect((await records(id, { ...year2024, pageSize: 2, page: 3 }).expect(200)).body.items).toEqual([]);
  });

  it('names each record by kind, with its date and typed fields', async () => {
    const meetings = (await records('connect.representation.meetings', year2024).expect(200)).body;
    expect(meetings).toEqual({
      total: 2,
      page: 1,
      pageSize: 50,
      items: [
        {
          kind: 'representation_meeting',
          id: meeting['2024-03-10'],
          name: 'Réunion 2024-03-10',
          date: '2024-03-10',
          detail: 'Plateforme de concertation',
        },
        {
          kind: 'representation_meeting',
          id: meeting['2024-11-20'],
          name: 'Réunion 2024-11-20',
          date: '2024-11-20',
          detail: 'Plateforme de concertation',
        },
      ],
    });
    const unpaid = (await records('association.dues.unpaid', year2024).expect(200)).body;
    expect(unpaid.items).toEqual([
      { kind: 'due', id: expect.any(String), name: { fr: 'Atelier Sans' }, status: 'unpaid', amount: 50.5 },
    ]);
    const paid = (await records('association.dues.paid', year2024).expect(200)).body.items;
    // Ordered by holder: 'Maison Double' before 'Peeters'.
    expect(paid.map((d: FigureRecordItem) => [d.name, d.date, d.amount])).toEqual([
      [{ fr: 'Maison Double' }, '2024-03-01', 100],
      ['Jan Peeters', '2024-06-01', 20],
    ]);
  });

  it('are read under the caller’s scope: refused to whoever may not read the kind', async () => {
    const board = as(t.app, (await signedIn(t.app, { role: 'board' })).auth);
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    const support = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    expect((await records('association.members.organisations', year2024, board)).status).toBe(403);
    expect((await records('connect.representation.meetings', year2024, support)).status).toBe(403);
    expect((await records('association.members.organisations', year2024, accountant)).status).toBe(403);
    // The accountant reads dues, a Connect worker the membership but not the dues.
    expect((await records('association.dues.due', year2024, accountant)).status).toBe(200);
    expect((await records('association.members.organisations', year2024, worker)).status).toBe(200);
    expect((await records('association.dues.due', year2024, worker)).status).toBe(403);
    const refused = await records('connect.representation.meetings', year2024, board);
    expect(JSON.stringify(refused.body)).not.toContain('Réunion');
    expect(
      (await t.http().get('/api/figures/connect.representation.meetings/records').query(year2024)).status,
    ).toBe(401);
  });

  it('an unknown figure and a difference have no records; a filter the figure does not take is refused', async () => {
    expect((await records('nothing.here', year2024)).status).toBe(404);
    expect((await records('association.dues.outstanding', year2024)).status).toBe(404);
    const res = await records('association.dues.due', {
      ...year2024,
      cycleId: '0b9e3c1e-5d0a-4b8e-9f00-7c2d3a4b5c6d',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cycleId' })]);
    const late = await records('association.dues.due', { from: '2024-12-31', to: '2024-01-01' });
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'tooSmall' })]);
  });
});

describe('GET /api/figures/{id}/breakdown/{dimension}', () => {
  it('by sector: an organisation in two sectors counts in each, shares of the figure’s value', async () => {
    const res = await c
      .get('/api/figures/association.members.organisations/breakdown/sector', year2024)
      .expect(200);
    expect(res.body.dimension).toBe('sector');
    const rows = Object.fromEntries(res.body.rows.map((r: { key: string }) => [r.key, r]));
    // mental_health: Double = 1 of 3; homeless: Double + Ancien = 2 of 3; Sans has no sector.
    expect(Object.keys(rows).sort()).toEqual([sector.mental_health, sector.homeless].sort());
    expect(rows[sector.mental_health!]).toEqual({
      key: sector.mental_health,
      label: { fr: 'Santé mentale', nl: 'Geestelijke gezondheidszorg' },
      value: 1,
      share: 0.3333,
    });
    expect(rows[sector.homeless!]).toMatchObject({ value: 2, share: 0.6667 });
  });

  it('by commune, and a money figure sums by sector', async () => {
    const communes = (
      await c.get('/api/figures/association.members.organisations/breakdown/commune', year2024).expect(200)
    ).body.rows;
    // ixelles: Double + Ancien = 2 (Sans has no commune; Simple is not a member in 2024)
    expect(communes).toEqual([
      { key: commune.ixelles, label: { fr: 'Ixelles', nl: 'Elsene' }, value: 2, share: 0.6667 },
    ]);
    const dues = (await c.get('/api/figures/association.dues.due/breakdown/sector', year2024).expect(200))
      .body.rows;
    // Double's 100 in both its sectors, of 170.50 due
    expect(dues.map((r: { value: number; share: number }) => [r.value, r.share])).toEqual([
      [100, 0.5865],
      [100, 0.5865],
    ]);
  });

  it('refuses a dimension the figure does not have, naming it; the board reads breakdowns', async () => {
    const res = await c.get('/api/figures/association.members.people/breakdown/sector', year2024);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'dimension' })]);
    expect((await c.get('/api/figures/association.members.people/breakdown/gender', year2024)).status).toBe(
      400,
    );
    expect((await c.get('/api/figures/nothing.here/breakdown/sector', year2024)).status).toBe(404);
    const board = as(t.app, (await signedIn(t.app, { role: 'board' })).auth);
    expect(
      (await board.get('/api/figures/association.members.organisations/breakdown/sector', year2024)).status,
    ).toBe(200);
  });
});
