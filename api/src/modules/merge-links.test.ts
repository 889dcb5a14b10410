import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';
import { newCycle, newGroup } from '../../test/helpers/intervision.js';

/** Merging walks what every module declares: another pole's references move and are counted. */
let t: TestApp;
let connect: ReturnType<typeof as>;
let support: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  connect = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  support = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  const cycleId = (await newCycle(connect, { name: 'Liens', startsOn: '2026-09-01', endsOn: '2027-06-30' }))
    .id;
  groupId = (await newGroup(connect, cycleId, 'Groupe Liens')).id;
});
afterAll(() => t.close());

const organisation = async (nameFr: string) =>
  (await connect.post('/api/organisations', { nameFr }).expect(201)).body.id as string;
const person = async (lastName: string) =>
  (await connect.post('/api/people', { firstName: 'Lou', lastName }).expect(201)).body.id as string;

describe('a merge across poles', () => {
  it("a Support coordinator's merge moves Connect's registrations and membership, counted but not shown", async () => {
    const kept = await organisation('Atelier Charme');
    const dup = await organisation('Atelier Charmé');
    const worker = await person('Delvaux');
    await connect
      .post('/api/intervision/registrations', { groupId, personId: worker, organisationId: dup })
      .expect(201);
    await connect.post('/api/members', { organisationId: dup, startsOn: '2026-01-01' }).expect(201);
    await support.post(`/api/people/${worker}/affiliations`, { organisationId: dup }).expect(201);
    const supervision = (
      await support
        .post('/api/support/supervisions', {
          organisationId: dup,
          team: 'Équipe Charme',
          startsOn: '2026-02-02',
        })
        .expect(201)
    ).body.id as string;

    const preview = await support.get(`/api/organisations/${kept}/merge`, { duplicateId: dup }).expect(200);
    expect(preview.body).toEqual({
      moves: [
        { kind: 'affiliation', count: 1, readable: true },
        { kind: 'membership', count: 1, readable: false },
        { kind: 'intervision_registration', count: 1, readable: false },
        { kind: 'support_supervision', count: 1, readable: true },
      ],
      refusal: null,
    });

    const merged = await support.post(`/api/organisations/${kept}/merge`, { duplicateId: dup }).expect(200);
    expect(merged.body.moved).toEqual(preview.body.moves);
    const regs = (await connect.get(`/api/intervision/groups/${groupId}`)).body.registrations;
    expect(regs.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual([kept]);
    const moved = (await support.get(`/api/support/supervisions/${supervision}`).expect(200)).body;
    expect(moved.organisation.id).toBe(kept);

    const trail = await admin.get('/api/audit', {
      action: 'merge',
      resourceType: 'organisation',
      resourceId: kept,
    });
    expect(trail.body.items[0].details.moved).toEqual(preview.body.moves);
  });

  it('says beforehand that a declared rule refuses the merge, naming the duplicate', async () => {
    const kept = await organisation('Relais Ormeau');
    const dup = await organisation('Relais Ormeaux');
    for (const [lastName, organisationId] of [
      ['Claes', kept],
      ['Maes', dup],
    ] as const) {
      const personId = await person(lastName);
      await connect.post('/api/intervision/registrations', { groupId, personId, organisationId }).expect(201);
    }
    const preview = await support.get(`/api/organisations/${kept}/merge`, { duplicateId: dup }).expect(200);
    expect(preview.body.refusal).toEqual({ field: 'duplicateId', code: 'bothInGroup' });
    expect(preview.body.moves).toEqual([{ kind: 'intervision_registration', count: 1, readable: false }]);
  });

  it("counts a person's meetings and facilitations for a Connect coordinator, who reads them", async () => {
    const kept = await person('Jacobs');
    const dup = await person('Jakobs');
    await newGroup(
      connect,
      (await newCycle(connect, { name: 'Liens 2', startsOn: '2027-09-01', endsOn: '2028-06-30' })).id,
      'Groupe Binôme',
      {
        facilitatorIds: [dup],
      },
    );
    await connect
      .post('/api/representation-meetings', {
        heldOn: '2026-11-05',
        body: 'Conseil Liens',
        topic: 'Accès',
        attendeeIds: [dup],
      })
      .expect(201);
    const preview = await connect.get(`/api/people/${kept}/merge`, { duplicateId: dup }).expect(200);
    expect(preview.body.moves).toEqual([
      { kind: 'intervision_group', count: 1, readable: true },
      { kind: 'representation_meeting', count: 1, readable: true },
    ]);
  });

  it('is refused to a worker, and for an unknown duplicate', async () => {
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    const kept = await organisation('Refuge Tilleul');
    const dup = await organisation('Refuge Tileul');
    await worker.get(`/api/organisations/${kept}/merge`, { duplicateId: dup }).expect(403);
    await worker.get(`/api/people/${kept}/merge`, { duplicateId: dup }).expect(403);
    const unknown = await admin.get(`/api/organisations/${kept}/merge`, { duplicateId: crypto.randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'duplicateId' })]);
  });
});
