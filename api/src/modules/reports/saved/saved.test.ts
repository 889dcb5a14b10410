import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';

let t: TestApp;
let admin: ReturnType<typeof as>;
let coordinator: ReturnType<typeof as>;
let mentalHealth: string;
let housing: string;
let lateMembership: string;
const orgIds: string[] = [];

const MEMBERS = 'association.members.organisations';
// Fictional organisations, two of them in two sectors: each counts in both.
const ORGS = [
  { nameFr: 'Les Tilleuls de Saint-Gilles', sectors: () => [mentalHealth] },
  { nameFr: 'Maison Vent du Nord', sectors: () => [mentalHealth, housing] },
  { nameFr: 'Le Relais des Marolles', sectors: () => [housing] },
];

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t.app, { role: 'admin', displayName: 'Capucine Admin' });
  admin = as(t.app, a.auth);
  coordinator = as(
    t.app,
    (await signedIn(t.app, { role: 'coordinator', poles: ['connect'], displayName: 'Hanne Coördinator' }))
      .auth,
  );
  mentalHealth = await refId(t.app, a.auth, 'sector', 'mental_health');
  housing = await refId(t.app, a.auth, 'sector', 'housing');
  for (const org of ORGS) {
    const id = (
      await coordinator.post('/api/organisations', { nameFr: org.nameFr, sectorIds: org.sectors() })
    ).body.id;
    orgIds.push(id);
    const member = await coordinator
      .post('/api/members', { organisationId: id, startsOn: '2019-01-01' })
      .expect(201);
    lateMembership = member.body.id;
  }
});
afterAll(() => t.close());

const save = (body: Record<string, unknown> = {}) =>
  coordinator.post('/api/reports', {
    title: 'Rapport annuel 2020 — Cocof',
    from: '2020-01-01',
    to: '2020-12-31',
    breakdowns: [{ figureId: MEMBERS, dimension: 'sector' }],
    ...body,
  });

describe('reports saved as sent', () => {
  let saved: { id: string; figures: { id: string }[] } & Record<string, unknown>;

  it('keep every figure with its version, value, FR and NL wording and the breakdowns shown, and who saved it', async () => {
    const res = await save().expect(201);
    saved = res.body;
    const catalogue = (await coordinator.get('/api/figures').expect(200)).body as { id: string }[];
    expect(saved.figures.map((f) => f.id)).toEqual(catalogue.map((f) => f.id));
    expect(saved).toMatchObject({
      title: 'Rapport annuel 2020 — Cocof',
      from: '2020-01-01',
      to: '2020-12-31',
      savedBy: { name: 'Hanne Coördinator' },
    });
    const members = saved.figures.find((f) => f.id === MEMBERS);
    expect(members).toMatchObject({
      pole: 'association',
      unit: 'count',
      version: expect.any(Number),
      label: { fr: 'Organisations membres', nl: 'Lid-organisaties' },
      value: 3,
      breakdowns: [
        {
          dimension: 'sector',
          rows: expect.arrayContaining([
            expect.objectContaining({
              key: mentalHealth,
              label: { fr: 'Santé mentale', nl: 'Geestelijke gezondheidszorg' },
              value: 2,
            }),
            expect.objectContaining({ key: housing, value: 2 }),
          ]),
        },
      ],
    });
    // Aggregates only: no organisation's name is in the document.
    for (const org of ORGS) expect(JSON.stringify(saved)).not.toContain(org.nameFr);
  });

  it('computes the values itself: a client cannot send its own', async () => {
    const forged = await save({ figures: [{ id: MEMBERS, value: 999 }] });
    expect(forged.status).toBe(400);
  });

  it('reprints the same document after a record and a sector label are corrected, and says what changed', async () => {
    expect((await coordinator.get(`/api/reports/${saved.id}/changes`).expect(200)).body.changes).toEqual([]);

    // A membership started in fact in 2021; a sector's label is corrected.
    await coordinator.patch(`/api/members/${lateMembership}`, { startsOn: '2021-01-01' }).expect(200);
    await admin
      .patch(`/api/reference/sector/${mentalHealth}`, { labelFr: 'Santé mentale (ambulatoire)' })
      .expect(200);

    const reprint = (await coordinator.get(`/api/reports/${saved.id}`).expect(200)).body;
    expect(reprint).toEqual(saved);

    const { changes } = (await coordinator.get(`/api/reports/${saved.id}/changes`).expect(200)).body;
    expect(changes).toEqual([
      {
        id: MEMBERS,
        label: { fr: 'Organisations membres', nl: 'Lid-organisaties' },
        unit: 'count',
        stored: 3,
        current: 2,
        delta: -1,
        storedVersion: expect.any(Number),
        currentVersion: expect.any(Number),
        // The organisation moved out of 2020 was in housing: that bar went down by one.
        breakdowns: [
          {
            dimension: 'sector',
            key: housing,
            label: {
              fr: 'Logement (union des locataires, SISP, AIS)',
              nl: 'Huisvesting (huurdersbond, OVM, SVK)',
            },
            stored: 2,
            current: 1,
            delta: -1,
          },
        ],
      },
    ]);

    // A report saved now reads today's label.
    const later = (await save({ title: 'Rapport 2020, après correction' }).expect(201)).body;
    const rows = later.figures.find((f: { id: string }) => f.id === MEMBERS).breakdowns[0].rows;
    expect(rows.find((r: { key: string }) => r.key === mentalHealth).label.fr).toBe(
      'Santé mentale (ambulatoire)',
    );

    // An organisation's sectors corrected: the same number of members, other bars.
    await coordinator.patch(`/api/organisations/${orgIds[0]}`, { sectorIds: [housing] }).expect(200);
    const moved = (await coordinator.get(`/api/reports/${later.id}/changes`).expect(200)).body.changes;
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: MEMBERS, stored: 2, current: 2, delta: 0 });
    expect(moved[0].breakdowns).toHaveLength(2);
    expect(moved[0].breakdowns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: mentalHealth, stored: 2, current: 1, delta: -1 }),
        expect.objectContaining({ key: housing, stored: 1, current: 2, delta: 1 }),
      ]),
    );
  });

  it('are listed newest first without their figures, and each save is in the audit log', async () => {
    const list = (await coordinator.get('/api/reports').expect(200)).body;
    expect(list.total).toBe(2);
    expect(list.items.map((r: { title: string }) => r.title)).toEqual([
      'Rapport 2020, après correction',
      'Rapport annuel 2020 — Cocof',
    ]);
    expect(list.items[0].figures).toBeUndefined();
    const trail = (await admin.get('/api/audit', { resourceType: 'saved_report', resourceId: saved.id }))
      .body;
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('cannot be rewritten, even from inside the database', async () => {
    // The app's role may not update it at all; the database's administrator meets the trigger.
    await expect(
      t.app.database.acting({ userId: null, role: 'admin', poles: [] }, () =>
        t.app.database.db.execute(sql`update saved_reports set title = 'Autre titre' where id = ${saved.id}`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    await expect(
      t.superuser.execute(sql`update saved_reports set title = 'Autre titre' where id = ${saved.id}`),
    ).rejects.toThrow();
    expect((await coordinator.get(`/api/reports/${saved.id}`)).body.title).toBe(
      'Rapport annuel 2020 — Cocof',
    );
  });

  it('refuse bad input, naming the field', async () => {
    const fields = async (body: Record<string, unknown>) => {
      const res = await save(body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    };
    expect(await fields({ from: '2021-01-01', to: '2020-12-31' })).toEqual(['to:tooSmall']);
    expect(await fields({ title: '   ' })).toEqual(['title:required']);
    expect(await fields({ figureIds: ['connect.nothing-such'] })).toContain('figureIds/0:invalid');
    expect(await fields({ breakdowns: [{ figureId: MEMBERS, dimension: 'language' }] })).toEqual([
      'breakdowns/0/dimension:invalid',
    ]);
    expect((await coordinator.get('/api/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('are read by the board and every staff member, and saved by coordinators and administrators only', async () => {
    const board = as(t.app, (await signedIn(t.app, { role: 'board' })).auth);
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    for (const reader of [board, worker, accountant]) {
      expect((await reader.get(`/api/reports/${saved.id}`)).body.title).toBe('Rapport annuel 2020 — Cocof');
      expect(
        (await reader.post('/api/reports', { title: 'X', from: '2020-01-01', to: '2020-12-31' })).status,
      ).toBe(403);
    }
    await admin
      .post('/api/reports', { title: 'Rapport T1', from: '2021-01-01', to: '2021-03-31' })
      .expect(201);
    expect((await t.http().get('/api/reports')).status).toBe(401);
  });
});
