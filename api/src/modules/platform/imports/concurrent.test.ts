import supertest from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
let auth: string;
beforeAll(async () => {
  t = await createTestApp();
  auth = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
});
afterAll(() => t.close());

/** A partner's list without references: rows are matched on their names. */
const csv = Buffer.from(
  ['Nom;Code postal', ...Array.from({ length: 40 }, (_, i) => `Asbl Doublon ${i + 1};1000`)].join('\r\n'),
);
const send = () =>
  supertest(t.app.server)
    .post('/api/imports/organisations')
    .query({ fileName: 'partenaire.csv' })
    .set('authorization', auth)
    .set('content-type', 'text/csv')
    .send(csv)
    .then((r) => r);

it('the same file sent twice at once creates each organisation once', async () => {
  const [a, b] = await Promise.all([send(), send()]);
  expect([a.status, b.status]).toEqual([200, 200]);
  const created = [a, b].map((r) => r.body.counts.created as number).sort();
  const unchanged = [a, b].map((r) => r.body.counts.unchanged as number).sort();
  expect(created).toEqual([0, 40]);
  expect(unchanged).toEqual([0, 40]);
  const list = await supertest(t.app.server)
    .get('/api/organisations')
    .query({ q: 'Asbl Doublon', pageSize: 200 })
    .set('authorization', auth);
  expect(list.body.total).toBe(40);
});
