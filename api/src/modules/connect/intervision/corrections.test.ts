import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup as groupOf } from '../../../../test/helpers/intervision.js';

/** What a coordinator corrects after the fact: the waiting list, dates, cycles and groups. */
let t: TestApp;
let c: ReturnType<typeof as>;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  cycleId = (await newCycle(c, { name: '2024-2025', startsOn: '2024-09-01', endsOn: '2025-06-30' })).id;
});
afterAll(() => t.close());

const newGroup = (name: string, extra: Record<string, unknown> = {}) => groupOf(c, cycleId, name, extra);

let n = 0;
const worker = async () => {
  n += 1;
  const org = (await c.post('/api/organisations', { nameFr: `Maison Orme ${n}` }).expect(201)).body
    .id as string;
  const person = (
    await c
      .post('/api/people', {
        firstName: 'Camille',
        lastName: `Dubois ${n}`,
        affiliations: [{ organisationId: org }],
      })
      .expect(201)
  ).body.id as string;
  return { org, person };
};
const register = async (groupId: string, registeredOn = '2024-09-15') => {
  const w = await worker();
  return (
    await c
      .post('/api/intervision/registrations', {
        groupId,
        personId: w.person,
        organisationId: w.org,
        registeredOn,
      })
      .expect(201)
  ).body as { id: string; status: string; fee: string };
};

describe('the waiting list', () => {
  it('lets the coordinator admit someone when a place frees up, keeping the fee set at registration', async () => {
    const g = await newGroup('Groupe complet', { capacity: 1 });
    const first = await register(g.id);
    const next = await register(g.id, '2024-09-20');
    expect(next.status).toBe('waiting');

    const full = await c.patch(`/api/intervision/registrations/${next.id}`, { status: 'registered' });
    expect(full.status).toBe(409);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'groupFull' })]);

    await c.patch(`/api/intervision/registrations/${first.id}`, { withdrawnOn: '2024-10-01' }).expect(200);
    const admitted = await c
      .patch(`/api/intervision/registrations/${next.id}`, { status: 'registered' })
      .expect(200);
    expect(admitted.body).toMatchObject({ status: 'registered', fee: next.fee, registeredOn: '2024-09-20' });
    expect((await c.get(`/api/intervision/groups/${g.id}`).expect(200)).body.group).toMatchObject({
      registered: 1,
      waiting: 0,
    });
  });

  it('admits only from the waiting list', async () => {
    const g = await newGroup('Groupe ouvert');
    const reg = await register(g.id);
    const res = await c.patch(`/api/intervision/registrations/${reg.id}`, { status: 'registered' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'notAllowed' })]);
  });

  it('gives the last place to one of several registrations sent at once, the others wait', async () => {
    const g = await newGroup('Groupe dernière place', { capacity: 3 });
    await register(g.id);
    const workers = await Promise.all([1, 2, 3, 4].map(() => worker()));
    const results = await Promise.all(
      workers.map((w) =>
        c.post('/api/intervision/registrations', {
          groupId: g.id,
          personId: w.person,
          organisationId: w.org,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.status).sort()).toEqual([
      'registered',
      'registered',
      'waiting',
      'waiting',
    ]);
    expect((await c.get(`/api/intervision/groups/${g.id}`).expect(200)).body.group).toMatchObject({
      capacity: 3,
      registered: 3,
      waiting: 2,
    });
  });
});

describe('session dates', () => {
  it('a group meets once a day: a second session on a date is refused, naming the date', async () => {
    const g = await newGroup('Groupe du jeudi');
    await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' }).expect(201);
    const again = await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'startsOn', code: 'taken' })]);
    expect((await c.get(`/api/intervision/groups/${g.id}`)).body.sessions).toHaveLength(1);
  });

  it('a session moves to a free date, not onto another session', async () => {
    const g = await newGroup('Groupe déplacé');
    const a = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' })).body;
    await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-11-14' }).expect(201);
    const clash = await c.patch(`/api/intervision/sessions/${a.id}`, { startsOn: '2024-11-14' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([expect.objectContaining({ field: 'startsOn', code: 'taken' })]);
    await c.patch(`/api/intervision/sessions/${a.id}`, { startsOn: '2024-10-17' }).expect(200);
    const dates = (await c.get(`/api/intervision/groups/${g.id}`)).body.sessions.map(
      (s: { startsOn: string }) => s.startsOn,
    );
    expect(dates).toEqual(['2024-10-17', '2024-11-14']);
  });
});

describe('attendance and cancellation', () => {
  it('a session where attendance was taken cannot be cancelled until the attendance is cleared', async () => {
    const g = await newGroup('Groupe présent');
    const reg = await register(g.id);
    const s = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' })).body;
    await c.put(`/api/intervision/sessions/${s.id}/attendance`, { registrationIds: [reg.id] }).expect(200);
    const cancel = { status: 'cancelled', cancelReason: 'Grève' };
    const refused = await c.patch(`/api/intervision/sessions/${s.id}`, cancel);
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'status', code: 'hasAttendance' }),
    ]);
    await c.put(`/api/intervision/sessions/${s.id}/attendance`, { registrationIds: [] }).expect(200);
    expect((await c.patch(`/api/intervision/sessions/${s.id}`, cancel).expect(200)).body.status).toBe(
      'cancelled',
    );
  });

  it('someone who withdrew is present at sessions up to the withdrawal day, not after', async () => {
    const g = await newGroup('Groupe parti');
    const reg = await register(g.id);
    await c.patch(`/api/intervision/registrations/${reg.id}`, { withdrawnOn: '2024-11-01' }).expect(200);
    const before = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' }))
      .body;
    const after = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-11-14' })).body;
    await c
      .put(`/api/intervision/sessions/${before.id}/attendance`, { registrationIds: [reg.id] })
      .expect(200);
    const res = await c.put(`/api/intervision/sessions/${after.id}/attendance`, {
      registrationIds: [reg.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'registrationIds/0', code: 'withdrawnBefore' }),
    ]);
  });
});

describe('correcting a cycle', () => {
  it('changes the fees for later registrations; earlier ones keep theirs', async () => {
    const cycle = await newCycle(c, { name: '2027-2028', startsOn: '2027-09-01', endsOn: '2028-06-30' });
    const g = await groupOf(c, cycle.id, 'Groupe tarif');
    const early = await register(g.id, '2027-09-10');
    const updated = await c.patch(`/api/intervision/cycles/${cycle.id}`, { nonMemberFee: '160' }).expect(200);
    expect(updated.body).toMatchObject({ name: '2027-2028', memberFee: '120.00', nonMemberFee: '160.00' });
    const late = await register(g.id, '2027-09-20');
    expect([early.fee, late.fee]).toEqual(['150.00', '160.00']);
  });

  it('refuses a taken name, dates out of order and a fee the books cannot hold, naming each field', async () => {
    const cycle = await newCycle(c, { name: '2028-2029', startsOn: '2028-09-01', endsOn: '2029-06-30' });
    const taken = await c.patch(`/api/intervision/cycles/${cycle.id}`, { name: '2024-2025' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'taken' })]);
    const order = await c.patch(`/api/intervision/cycles/${cycle.id}`, { endsOn: '2028-08-01' });
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'tooSmall' })]);
    const huge = await c.patch(`/api/intervision/cycles/${cycle.id}`, { memberFee: '1200000' });
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'memberFee' })]);
    const sameName = await c.patch(`/api/intervision/cycles/${cycle.id}`, { name: '2028-2029' }).expect(200);
    expect(sameName.body.name).toBe('2028-2029');
  });
});

describe('correcting a group', () => {
  it('changes its capacity and facilitator pair, and says again whether the pair is complete', async () => {
    const g = await newGroup('Groupe à corriger');
    const one = await worker();
    const two = await worker();
    const created = (await c.get(`/api/intervision/groups/${g.id}`)).body.group;
    expect(created.warnings).toEqual(['facilitatorPairIncomplete']);
    const res = await c
      .patch(`/api/intervision/groups/${g.id}`, { capacity: 12, facilitatorIds: [one.person, two.person] })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'Groupe à corriger', capacity: 12 });
    expect(res.body.facilitators.map((p: { id: string }) => p.id)).toEqual([one.person, two.person]);
    expect(res.body.warnings).not.toContain('facilitatorPairIncomplete');
  });

  it('refuses hours out of order and an unknown facilitator, naming the field', async () => {
    const g = await newGroup('Groupe horaire');
    const hours = await c.patch(`/api/intervision/groups/${g.id}`, { endTime: '13:00' });
    expect(hours.status).toBe(400);
    expect(hours.body.errors).toEqual([expect.objectContaining({ field: 'endTime', code: 'tooSmall' })]);
    const who = await c.patch(`/api/intervision/groups/${g.id}`, {
      facilitatorIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(who.status).toBe(400);
    expect(who.body.errors).toEqual([
      expect.objectContaining({ field: 'facilitatorIds/0', code: 'invalid' }),
    ]);
  });

  it('a Connect worker (who reads) may not correct a cycle or a group, nor may other poles', async () => {
    const g = await newGroup('Groupe gardé');
    for (const who of [
      { role: 'worker' as const, poles: ['connect' as const] },
      { role: 'coordinator' as const, poles: ['support' as const] },
    ]) {
      const other = as(t.app, (await signedIn(t.app, who)).auth);
      await other.patch(`/api/intervision/groups/${g.id}`, { capacity: 2 }).expect(403);
      await other.patch(`/api/intervision/cycles/${cycleId}`, { memberFee: '1' }).expect(403);
    }
    expect((await c.get(`/api/intervision/groups/${g.id}`)).body.group.capacity).toBe(10);
  });
});
