import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';
import { newCycle, newGroup } from '../../test/helpers/intervision.js';

let t: TestApp;
let cycleId: string;
let groupId: string;
let personId: string;
beforeAll(async () => {
  t = await createTestApp();
  const connect = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  const organisationId = (await connect.post('/api/organisations', { nameFr: 'Maison Saule' }).expect(201))
    .body.id;
  personId = (await connect.post('/api/people', { firstName: 'Noor', lastName: 'Vandamme' }).expect(201)).body
    .id;
  cycleId = (await newCycle(connect, { name: 'Portée', startsOn: '2026-09-01', endsOn: '2027-06-30' })).id;
  groupId = (await newGroup(connect, cycleId, 'Groupe Portée')).id;
  await connect.post('/api/intervision/registrations', { groupId, personId, organisationId }).expect(201);
  await connect
    .post('/api/representation-meetings', {
      heldOn: '2026-10-05',
      body: 'Plateforme Portée',
      topic: 'Accès aux soins',
      attendeeIds: [personId],
    })
    .expect(201);
});
afterAll(() => t.close());

describe("a pole's records, as another pole's staff", () => {
  const paths = () =>
    [
      ['/api/intervision/registrations', { cycleId }],
      ['/api/intervision/registrations', { cycleId, unpaid: true }],
      [`/api/intervision/groups/${groupId}`, {}],
      [
        '/api/figures/connect.intervision.participants/records',
        { from: '2026-09-01', to: '2027-06-30', cycleId },
      ],
      ['/api/figures/connect.intervision.fees-received/records', { from: '2026-09-01', to: '2027-06-30' }],
      ['/api/figures/connect.representation.meetings/records', { from: '2026-01-01', to: '2027-12-31' }],
      ['/api/representation-meetings', {}],
    ] as const;

  it("gives a Support worker or coordinator nothing of Connect's registrations and meetings", async () => {
    for (const poles of [['support'], ['support', 'housing_first']] as const) {
      for (const role of ['worker', 'coordinator'] as const) {
        const other = as(t.app, (await signedIn(t.app, { role, poles: [...poles] })).auth);
        for (const [url, query] of paths()) {
          const res = await other.get(url, query);
          expect(res.status, `${role} ${url}`).toBe(403);
          expect(JSON.stringify(res.body)).not.toMatch(/Portée|Vandamme/);
        }
        // The directory is everyone's: the person is found, with nothing of Connect's work.
        const found = await other.get('/api/people', { q: 'Vandamme' }).expect(200);
        expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([personId]);
        expect(JSON.stringify(found.body)).not.toMatch(/Portée/);
      }
    }
  });

  it("shows them to Connect's workers", async () => {
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    const list = await worker.get('/api/intervision/registrations', { cycleId }).expect(200);
    expect(list.body.items.map((r: { person: { id: string } }) => r.person.id)).toEqual([personId]);
    const meetings = await worker.get('/api/representation-meetings').expect(200);
    expect(meetings.body.items.map((m: { body: string }) => m.body)).toEqual(['Plateforme Portée']);
  });
});
