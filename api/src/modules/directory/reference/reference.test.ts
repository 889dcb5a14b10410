import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
let worker: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, { role: 'admin' });
  worker = await signedIn(t.app, { role: 'worker', poles: ['support'] });
});
afterAll(() => t.close());

describe('reference lists', () => {
  it('come with the sectors of the domain and Brussels’ 19 communes, in French and Dutch', async () => {
    const sectors = await as(t.app, worker.auth).get('/api/reference/sector');
    expect(sectors.body.items).toHaveLength(15);
    expect(sectors.body.items).toContainEqual(
      expect.objectContaining({
        code: 'mental_health',
        labelFr: 'Santé mentale',
        labelNl: 'Geestelijke gezondheidszorg',
      }),
    );
    const communes = await as(t.app, worker.auth).get('/api/reference/commune');
    const brussels = (communes.body.items as { code: string }[]).filter((c) => c.code !== 'outside_brussels');
    expect(brussels).toHaveLength(19);
    expect(communes.body.items).toContainEqual(
      expect.objectContaining({
        labelFr: 'Molenbeek-Saint-Jean',
        labelNl: 'Sint-Jans-Molenbeek',
        postalCodes: ['1080'],
      }),
    );
  });

  it('an administrator adds, renames and retires an item; a retired item leaves the pickers only', async () => {
    const created = await as(t.app, admin.auth).post('/api/reference/organisation_type', {
      code: 'peer_group',
      labelFr: 'Groupe de pairs',
      labelNl: 'Lotgenotengroep',
    });
    expect(created.status).toBe(201);
    const types = await as(t.app, worker.auth).get('/api/reference/organisation_type');
    expect(types.body.items.at(-1).code).toBe('peer_group');
    const org = await as(t.app, worker.auth).post('/api/organisations', {
      nameFr: 'Les Pairs du Canal',
      typeIds: [created.body.id],
    });
    expect(org.status).toBe(201);

    await as(t.app, admin.auth)
      .patch(`/api/reference/organisation_type/${created.body.id}`, {
        labelFr: 'Groupe de pair·es',
        retired: true,
      })
      .expect(200);

    const list = await as(t.app, worker.auth).get('/api/reference/organisation_type');
    expect(list.body.items.map((i: { code: string }) => i.code)).not.toContain('peer_group');
    const kept = await as(t.app, worker.auth).get(`/api/organisations/${org.body.id}`);
    expect(kept.body.types).toEqual([
      expect.objectContaining({ labelFr: 'Groupe de pair·es', retired: true }),
    ]);
    const reuse = await as(t.app, worker.auth).post('/api/organisations', {
      nameFr: 'Autre groupe',
      typeIds: [created.body.id],
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors).toEqual([expect.objectContaining({ field: 'typeIds/0', code: 'notAllowed' })]);
  });

  it('refuses a code that exists and postal codes outside communes', async () => {
    const dup = await as(t.app, admin.auth).post('/api/reference/sector', {
      code: 'mental_health',
      labelFr: 'x',
      labelNl: 'y',
    });
    expect(dup.status).toBe(409);
    const pc = await as(t.app, admin.auth).post('/api/reference/sector', {
      code: 'culture',
      labelFr: 'Culture',
      labelNl: 'Cultuur',
      postalCodes: ['1000'],
    });
    expect(pc.body.errors).toEqual([expect.objectContaining({ field: 'postalCodes', code: 'notAllowed' })]);
  });

  it('only administrators change them', async () => {
    const id = await refId(t.app, worker.auth, 'sector', 'youth');
    const res = await as(t.app, worker.auth).patch(`/api/reference/sector/${id}`, { labelFr: 'Jeunes' });
    expect(res.status).toBe(403);
    const after = await as(t.app, worker.auth).get('/api/reference/sector');
    expect(after.body.items.find((i: { id: string }) => i.id === id).labelFr).toBe('Aide à la jeunesse');
  });
});
