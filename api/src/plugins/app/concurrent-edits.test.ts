import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signedIn } from '../../../test/helpers/factories.js';
import { as } from '../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../test/helpers/intervision.js';

/**
 * Two people changing different fields of one record at the same moment, with `If-Match: *`
 * (any version): each update writes only what it was sent, under the row's lock, so both land
 * in every round (as for organisations, concurrent-edits.test.ts beside them).
 */
let t: TestApp;
let first: ReturnType<typeof as>;
let second: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestApp();
  first = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  second = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
});
afterAll(() => t.close());

async function bothLand(url: string, a: (round: number) => object, b: (round: number) => object) {
  for (let round = 1; round <= 5; round++) {
    const [x, y] = await Promise.all([
      first.patch(url, a(round) as Record<string, unknown>),
      second.patch(url, b(round) as Record<string, unknown>),
    ]);
    expect([x.status, y.status], JSON.stringify([x.body, y.body])).toEqual([200, 200]);
    const now = [x.body, y.body].sort((p, q) => q.version - p.version)[0];
    expect({ round, ...now }).toMatchObject({ round, ...a(round), ...b(round) });
  }
}

it('a person: the last name and the phone', async () => {
  const p = (await first.post('/api/people', { firstName: 'Sara', lastName: 'Janssens' }).expect(201)).body;
  await bothLand(
    `/api/people/${p.id}`,
    (r) => ({ lastName: `Janssens ${r}` }),
    (r) => ({ phone: `0470 00 00 0${r}` }),
  );
});

it('a representation meeting: the topic and the notes', async () => {
  const m = (
    await first
      .post('/api/representation-meetings', {
        heldOn: '2024-03-14',
        body: 'Concertation sociale',
        topic: 'Logement',
        attendeeIds: [],
      })
      .expect(201)
  ).body;
  await bothLand(
    `/api/representation-meetings/${m.id}`,
    (r) => ({ topic: `Logement ${r}` }),
    (r) => ({ notes: `Compte rendu ${r}` }),
  );
});

it('an intervision cycle, group, session and registration: two fields each', async () => {
  const cycle = await newCycle(first, {
    name: 'Cycle concurrent',
    startsOn: '2024-09-01',
    endsOn: '2025-06-30',
  });
  await bothLand(
    `/api/intervision/cycles/${cycle.id}`,
    (r) => ({ memberFee: `12${r}.00` }),
    (r) => ({ nonMemberFee: `15${r}.00` }),
  );
  const group = await newGroup(first, cycle.id, 'Groupe concurrent');
  await bothLand(
    `/api/intervision/groups/${group.id}`,
    (r) => ({ name: `Groupe ${r}` }),
    (r) => ({ capacity: 10 + r }),
  );
  const session = (
    await first.post('/api/intervision/sessions', { groupId: group.id, startsOn: '2024-10-10' }).expect(201)
  ).body;
  await bothLand(
    `/api/intervision/sessions/${session.id}`,
    (r) => ({ startsOn: `2024-10-1${r}` }),
    () => ({ status: 'held' }),
  );
  const org = (await first.post('/api/organisations', { nameFr: 'Asbl Employeur' }).expect(201)).body;
  const person = (await first.post('/api/people', { firstName: 'Ana', lastName: 'Lopes' }).expect(201)).body;
  const registration = (
    await first
      .post('/api/intervision/registrations', {
        groupId: group.id,
        personId: person.id,
        organisationId: org.id,
        registeredOn: '2024-09-10',
      })
      .expect(201)
  ).body;
  await bothLand(
    `/api/intervision/registrations/${registration.id}`,
    (r) => ({
      payment: { paidOn: `2024-09-2${r}`, method: 'transfer', reference: `+++000/0000/0000${r}+++` },
    }),
    (r) => ({ withdrawnOn: `2024-10-0${r}` }),
  );
});
