import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';

/** Two people editing one organisation at the same moment, each a different field. */
let t: TestApp;
let first: ReturnType<typeof as>;
let second: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestApp();
  first = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  second = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth);
});
afterAll(() => t.close());

it('the French and the Dutch name changed at once both land', async () => {
  const org = (
    await first.post('/api/organisations', { nameFr: 'Asbl Départ', nameNl: 'Vzw Vertrek' }).expect(201)
  ).body as { id: string };
  for (let round = 1; round <= 8; round++) {
    const [a, b] = await Promise.all([
      first.patch(`/api/organisations/${org.id}`, { nameFr: `Asbl Tour ${round}` }).then((r) => r),
      second.patch(`/api/organisations/${org.id}`, { nameNl: `Vzw Ronde ${round}` }).then((r) => r),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const now = (await first.get(`/api/organisations/${org.id}`)).body;
    expect({ round, nameFr: now.nameFr, nameNl: now.nameNl }).toEqual({
      round,
      nameFr: `Asbl Tour ${round}`,
      nameNl: `Vzw Ronde ${round}`,
    });
  }
  // Searching finds it by both new names: the search keys follow both edits too.
  const found = await first.get('/api/organisations', { q: 'Ronde 8' });
  expect(found.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
});

it('a name and a phone changed at once both land', async () => {
  const org = (await first.post('/api/organisations', { nameFr: 'Asbl Téléphone' }).expect(201)).body as {
    id: string;
  };
  for (let round = 1; round <= 8; round++) {
    await Promise.all([
      first.patch(`/api/organisations/${org.id}`, { nameFr: `Asbl Appel ${round}` }).expect(200),
      second.patch(`/api/organisations/${org.id}`, { phone: `02 000 00 0${round}` }).expect(200),
    ]);
    const now = (await first.get(`/api/organisations/${org.id}`)).body;
    expect({ round, nameFr: now.nameFr, phone: now.phone }).toEqual({
      round,
      nameFr: `Asbl Appel ${round}`,
      phone: `02 000 00 0${round}`,
    });
  }
});
