import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
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
const api = () => supertest(t.app.server);

describe('reference lists', () => {
  it('come with the sectors of the domain and Brussels’ 19 communes, in French and Dutch', async () => {
    const sectors = await api().get('/api/reference/sector').set('authorization', worker.auth);
    expect(sectors.body.items).toHaveLength(15);
    expect(sectors.body.items).toContainEqual(
      expect.objectContaining({
        code: 'mental_health',
        labelFr: 'Santé mentale',
        labelNl: 'Geestelijke gezondheidszorg',
      }),
    );
    const communes = await api().get('/api/reference/commune').set('authorization', worker.auth);
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
    const created = await api()
      .post('/api/reference/organisation_type')
      .set('authorization', admin.auth)
      .send({ code: 'peer_group', labelFr: 'Groupe de pairs', labelNl: 'Lotgenotengroep' });
    expect(created.status).toBe(201);
    const types = await api().get('/api/reference/organisation_type').set('authorization', worker.auth);
    expect(types.body.items.at(-1).code).toBe('peer_group');
    const org = await api()
      .post('/api/organisations')
      .set('authorization', worker.auth)
      .send({ nameFr: 'Les Pairs du Canal', typeIds: [created.body.id] });
    expect(org.status).toBe(201);

    await api()
      .patch(`/api/reference/organisation_type/${created.body.id}`)
      .set('if-match', '*')
      .set('authorization', admin.auth)
      .send({ labelFr: 'Groupe de pair·es', retired: true })
      .expect(200);

    const list = await api().get('/api/reference/organisation_type').set('authorization', worker.auth);
    expect(list.body.items.map((i: { code: string }) => i.code)).not.toContain('peer_group');
    const kept = await api().get(`/api/organisations/${org.body.id}`).set('authorization', worker.auth);
    expect(kept.body.types).toEqual([
      expect.objectContaining({ labelFr: 'Groupe de pair·es', retired: true }),
    ]);
    const reuse = await api()
      .post('/api/organisations')
      .set('authorization', worker.auth)
      .send({ nameFr: 'Autre groupe', typeIds: [created.body.id] });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors).toEqual([expect.objectContaining({ field: 'typeIds/0', code: 'notAllowed' })]);
  });

  it('refuses a code that exists and postal codes outside communes', async () => {
    const dup = await api()
      .post('/api/reference/sector')
      .set('authorization', admin.auth)
      .send({ code: 'mental_health', labelFr: 'x', labelNl: 'y' });
    expect(dup.status).toBe(409);
    const pc = await api()
      .post('/api/reference/sector')
      .set('authorization', admin.auth)
      .send({ code: 'culture', labelFr: 'Culture', labelNl: 'Cultuur', postalCodes: ['1000'] });
    expect(pc.body.errors).toEqual([expect.objectContaining({ field: 'postalCodes', code: 'notAllowed' })]);
  });

  it('only administrators change them', async () => {
    const id = await refId(t.app, worker.auth, 'sector', 'youth');
    const res = await api()
      .patch(`/api/reference/sector/${id}`)
      .set('if-match', '*')
      .set('authorization', worker.auth)
      .send({ labelFr: 'Jeunes' });
    expect(res.status).toBe(403);
    const after = await api().get('/api/reference/sector').set('authorization', worker.auth);
    expect(after.body.items.find((i: { id: string }) => i.id === id).labelFr).toBe('Aide à la jeunesse');
  });
});
