import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../../test/helpers/intervision.js';

/** Merging directory duplicates that intervision already uses. */
let t: TestApp;
let c: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  cycleId = (await newCycle(c, { name: '2024-2025', startsOn: '2024-09-01', endsOn: '2025-06-30' })).id;
});
afterAll(() => t.close());

const group = async (name: string, facilitatorIds: string[] = []) =>
  (await newGroup(c, cycleId, name, { facilitatorIds })).id;
const organisation = async (nameFr: string) =>
  (await c.post('/api/organisations', { nameFr }).expect(201)).body.id as string;
const person = async (lastName: string) =>
  (await c.post('/api/people', { firstName: 'Inès', lastName }).expect(201)).body.id as string;
const register = (groupId: string, personId: string, organisationId: string) =>
  c
    .post('/api/intervision/registrations', { groupId, personId, organisationId, registeredOn: '2024-09-15' })
    .expect(201);

describe('merging organisations', () => {
  it('is refused, naming the duplicate, while both have a worker in one group, and allowed once one withdraws', async () => {
    const g = await group('Groupe fusion');
    const kept = await organisation('Maison Frêne');
    const dup = await organisation('Maison Frene');
    await register(g, await person('Lambert'), kept);
    const theirs = (await register(g, await person('Wouters'), dup)).body.id;

    const refused = await c.post(`/api/organisations/${kept}/merge`, { duplicateId: dup });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'duplicateId', code: 'bothInGroup' }),
    ]);
    expect((await c.get(`/api/organisations/${dup}`)).status).toBe(200);

    await c.patch(`/api/intervision/registrations/${theirs}`, { withdrawnOn: '2024-10-01' }).expect(200);
    const merged = await c.post(`/api/organisations/${kept}/merge`, { duplicateId: dup }).expect(200);
    expect(merged.body.repointed).toMatchObject({ registrations: 1 });
    const regs = (await c.get(`/api/intervision/groups/${g}`)).body.registrations;
    expect(regs.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual([kept, kept]);
  });
});

describe('merging people', () => {
  it('leaves a facilitator pair that held both records with the kept one once', async () => {
    const kept = await person('Vandamme');
    const dup = await person('Van Damme');
    const g = await group('Groupe binôme', [kept, dup]);
    await admin.post(`/api/people/${kept}/merge`, { duplicateId: dup }).expect(200);
    const after = (await c.get(`/api/intervision/groups/${g}`)).body.group;
    expect(after.facilitators.map((p: { id: string }) => p.id)).toEqual([kept]);
    expect(after.warnings).toEqual(['facilitatorPairIncomplete']);
  });
});
