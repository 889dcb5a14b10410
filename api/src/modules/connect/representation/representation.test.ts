import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';

let t: TestApp;
let c: ReturnType<typeof as>;
let sofie: string;
let youssef: string;

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  sofie = (await c.post('/api/people', { firstName: 'Sofie', lastName: 'Claes' })).body.id;
  youssef = (await c.post('/api/people', { firstName: 'Youssef', lastName: 'Amrani' })).body.id;
});
afterAll(() => t.close());

const meeting = (heldOn: string, extra: Record<string, unknown> = {}) =>
  c.post('/api/representation-meetings', {
    heldOn,
    body: 'Concertation thématique santé mentale',
    topic: 'Accessibilité des services',
    attendeeIds: [sofie],
    ...extra,
  });

describe('representation meetings', () => {
  it('are logged with who went, and counted per year and for a period', async () => {
    const created = await meeting('2020-03-10', { attendeeIds: [youssef, sofie], notes: '  ' }).expect(201);
    expect(created.body).toMatchObject({
      heldOn: '2020-03-10',
      body: 'Concertation thématique santé mentale',
      notes: null,
      attendees: [
        { id: youssef, lastName: 'Amrani' },
        { id: sofie, lastName: 'Claes' },
      ],
    });
    for (const day of ['2020-06-02', '2020-11-20', '2019-05-14']) await meeting(day).expect(201);

    const all = (await c.get('/api/representation-meetings').expect(200)).body;
    expect(all.total).toBe(4);
    // Per year: the engine's figure broken down by year over the whole log.
    const byYear = (
      await c
        .get('/api/figures/connect.representation.meetings/breakdown/year', {
          from: '1900-01-01',
          to: '2999-12-31',
        })
        .expect(200)
    ).body.rows;
    expect(byYear.map((r: { key: string; value: number }) => [r.key, r.value]).sort()).toEqual([
      ['2019', 1],
      ['2020', 3],
    ]);
    const of2020 = await c.get('/api/figures/connect.representation.meetings/records', {
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(of2020.body.items.map((m: { date: string }) => m.date)).toEqual([
      '2020-03-10',
      '2020-06-02',
      '2020-11-20',
    ]);
    expect(all.items.map((m: { heldOn: string }) => m.heldOn)).toEqual([
      '2020-11-20',
      '2020-06-02',
      '2020-03-10',
      '2019-05-14',
    ]);
    const spring = (
      await c.get('/api/representation-meetings', { from: '2020-01-01', to: '2020-06-30' }).expect(200)
    ).body;
    expect(spring.total).toBe(2);
    expect(spring.items.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2020-06-02', '2020-03-10']);
  });

  it('are corrected and deleted, each change audited', async () => {
    const id = (await meeting('2021-02-01').expect(201)).body.id;
    const fixed = await c
      .patch(`/api/representation-meetings/${id}`, {
        topic: 'Sans-abrisme et santé mentale',
        attendeeIds: [youssef],
      })
      .expect(200);
    expect(fixed.body).toMatchObject({
      topic: 'Sans-abrisme et santé mentale',
      attendees: [{ id: youssef }],
    });
    await c.delete(`/api/representation-meetings/${id}`).expect(204);
    expect((await c.delete(`/api/representation-meetings/${id}`)).status).toBe(404);
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    const trail = (await admin.get('/api/audit', { resourceType: 'representation_meeting', resourceId: id }))
      .body;
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'delete',
      'update',
    ]);
  });

  it('refuse bad input, naming the field', async () => {
    const blank = await meeting('2021-03-01', { body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'required' })]);
    const stranger = await meeting('2021-03-01', {
      attendeeIds: [sofie, '00000000-0000-4000-8000-000000000000'],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([
      expect.objectContaining({ field: 'attendeeIds/1', code: 'invalid' }),
    ]);
    // A person merged into another is no longer in the directory: the one kept goes instead.
    const twin = (await c.post('/api/people', { firstName: 'Sofie', lastName: 'Claes-Peeters' })).body.id;
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    await admin.post(`/api/people/${sofie}/merge`, { duplicateId: twin }).expect(200);
    const merged = await meeting('2021-03-01', { attendeeIds: [youssef, twin] });
    expect(merged.status).toBe(400);
    expect(merged.body.errors).toEqual([
      expect.objectContaining({ field: 'attendeeIds/1', code: 'invalid' }),
    ]);
    const backwards = await c.get('/api/representation-meetings', { from: '2021-01-01', to: '2020-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'tooSmall' })]);
    const unknownField = await meeting('2021-03-01', { place: 'Botanique' });
    expect(unknownField.status).toBe(400);
  });

  it('Connect workers log meetings but do not delete them; other poles do not see the log', async () => {
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    const id = (
      await worker
        .post('/api/representation-meetings', {
          heldOn: '2022-01-10',
          body: 'Plateforme',
          topic: 'Logement',
          attendeeIds: [],
        })
        .expect(201)
    ).body.id;
    expect((await worker.delete(`/api/representation-meetings/${id}`)).status).toBe(403);
    const support = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
    expect((await support.get('/api/representation-meetings')).status).toBe(403);
  });
});
