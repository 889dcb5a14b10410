import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
let worker: Awaited<ReturnType<typeof signedIn>>;
let orgA: string;
let orgB: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, { role: 'admin' });
  worker = await signedIn(t.app, { role: 'worker', poles: ['support'] });
  orgA = (await as(t.app, worker.auth).post('/api/organisations', { nameFr: 'Abri du Canal' })).body.id;
  orgB = (await as(t.app, worker.auth).post('/api/organisations', { nameNl: 'Straathoek' })).body.id;
});
afterAll(() => t.close());
const create = (body: Record<string, unknown>) => as(t.app, worker.auth).post('/api/people', body);

describe('people of the directory', () => {
  it('work for organisations over time; lists show their current ones', async () => {
    const p = await create({
      firstName: 'Maëlle',
      lastName: 'Van den Broeck',
      email: 'Maelle@Abri.example',
      language: 'fr',
      affiliations: [
        {
          organisationId: orgA,
          function: 'assistante sociale',
          startsOn: '2019-01-01',
          endsOn: '2022-06-30',
        },
        { organisationId: orgB, function: 'coördinatrice', startsOn: '2022-07-01' },
      ],
    });
    expect(p.status).toBe(201);
    expect(p.body.email).toBe('maelle@abri.example');
    expect(p.body.affiliations.map((a: { organisation: { id: string } }) => a.organisation.id)).toEqual([
      orgB,
      orgA,
    ]);

    const atB = await as(t.app, worker.auth).get('/api/people', { organisationId: orgB });
    expect(atB.body.items.map((x: { id: string }) => x.id)).toEqual([p.body.id]);
    expect(atB.body.items[0].organisations).toEqual([
      expect.objectContaining({ id: orgB, nameNl: 'Straathoek' }),
    ]);
    const atA = await as(t.app, worker.auth).get('/api/people', { organisationId: orgA });
    expect(atA.body.items).toEqual([]);
  });

  it('are found by any part of their name, without accents', async () => {
    await create({ firstName: 'Zoé', lastName: 'Lefèvre-Dubois' }).expect(201);
    for (const q of ['zoe', 'LEFEVRE', 'dubois zo']) {
      const res = await as(t.app, worker.auth).get('/api/people', { q });
      expect(
        res.body.items.map((x: { lastName: string }) => x.lastName),
        q,
      ).toEqual(['Lefèvre-Dubois']);
    }
  });

  it('refuse an end before the start, and an organisation that does not exist', async () => {
    const res = await create({
      firstName: 'A',
      lastName: 'B',
      affiliations: [
        { organisationId: orgA, startsOn: '2024-05-01', endsOn: '2024-01-01' },
        { organisationId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'affiliations/0/endsOn', code: 'tooSmall' }),
      expect.objectContaining({ field: 'affiliations/1/organisationId', code: 'invalid' }),
    ]);
  });

  it('change organisation: the old affiliation ends, the new one starts', async () => {
    const p = (
      await create({ firstName: 'Kobe', lastName: 'Mertens', affiliations: [{ organisationId: orgA }] })
    ).body;
    await as(t.app, worker.auth)
      .patch(`/api/people/${p.id}/affiliations/${p.affiliations[0].id}`, { endsOn: '2025-12-31' })
      .expect(200);
    const res = await as(t.app, worker.auth).post(`/api/people/${p.id}/affiliations`, {
      organisationId: orgB,
      startsOn: '2026-01-01',
      function: 'éducateur',
    });
    expect(res.status).toBe(201);
    expect(res.body.affiliations).toHaveLength(2);
    const list = await as(t.app, worker.auth).get('/api/people', { q: 'mertens' });
    expect(list.body.items[0].organisations.map((o: { id: string }) => o.id)).toEqual([orgB]);
  });

  it('a possible duplicate is shown by name or e-mail, and an administrator merges it', async () => {
    const kept = (
      await create({ firstName: 'Inès', lastName: 'Haddad', affiliations: [{ organisationId: orgA }] })
    ).body;
    const dup = (
      await create({
        firstName: 'Ines',
        lastName: 'HADDAD',
        phone: '+32 2 000 00 00',
        affiliations: [{ organisationId: orgB }],
      })
    ).body;
    const found = await as(t.app, worker.auth).get('/api/people/duplicates', {
      firstName: 'ines',
      lastName: 'haddad',
    });
    expect(found.body.items.map((x: { id: string }) => x.id).sort()).toEqual([kept.id, dup.id].sort());

    expect(
      (await as(t.app, worker.auth).post(`/api/people/${kept.id}/merge`, { duplicateId: dup.id })).status,
    ).toBe(403);
    const merged = await as(t.app, admin.auth).post(`/api/people/${kept.id}/merge`, { duplicateId: dup.id });
    expect(merged.body.repointed).toMatchObject({ affiliations: 1, registrations: 0, memberships: 0 });
    const after = await as(t.app, worker.auth).get(`/api/people/${kept.id}`);
    expect(after.body.phone).toBe('+32 2 000 00 00');
    expect(after.body.affiliations).toHaveLength(2);
    expect((await as(t.app, worker.auth).get(`/api/people/${dup.id}`)).status).toBe(404);
  });

  it('opening a person’s record is audited; accountants and the board see no person', async () => {
    const p = (await create({ firstName: 'Lou', lastName: 'Peeters' })).body;
    await as(t.app, worker.auth).get(`/api/people/${p.id}`).expect(200);
    const trail = await as(t.app, admin.auth).get('/api/audit', {
      resourceType: 'person',
      resourceId: p.id,
      action: 'read',
    });
    expect(trail.body.items).toEqual([expect.objectContaining({ actorId: worker.user.id })]);
    for (const role of ['accountant', 'board'] as const) {
      const other = await signedIn(t.app, { role });
      const res = await as(t.app, other.auth).get(`/api/people/${p.id}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Peeters');
    }
  });
});
