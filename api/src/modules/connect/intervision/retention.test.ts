import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import {
  intervisionCycles,
  intervisionGroups,
  intervisionRegistrations,
  organisations,
  people,
} from '../../../db/schema/index.js';
import { SYSTEM } from '../../../db/client.js';
import { removeExpiredParticipants } from './retention.js';

let t: TestApp;
let c: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
});
afterAll(() => t.close());

/** A pass as the schedule runs it: the app acting as itself, no one signed in. */
const schedulePass = (today: string) =>
  t.app.database.acting(SYSTEM, () =>
    removeExpiredParticipants(t.app.database.db, { trigger: 'schedule', today, config: t.app.config }),
  );

/** A cycle with one group, two participants (one present at a held session, one paid). */
async function cycleWithParticipants(name: string, startsOn: string, endsOn: string) {
  const cycleId = (await c.post('/api/intervision/cycles', { name, startsOn, endsOn }).expect(201)).body.id;
  const groupId = (
    await c
      .post('/api/intervision/groups', {
        cycleId,
        name: `Groupe ${name}`,
        kind: 'intersectoral',
        language: 'fr',
        weekday: 1,
        startTime: '09:00',
        endTime: '12:00',
        facilitatorIds: [],
      })
      .expect(201)
  ).body.id;
  const regs: string[] = [];
  for (const n of [1, 2]) {
    const org = (await c.post('/api/organisations', { nameFr: `Maison ${name} ${n}` })).body.id;
    const person = (
      await c.post('/api/people', {
        firstName: 'Camille',
        lastName: `Dubois ${name} ${n}`,
        email: `camille.${n}.${name}@example.org`,
        affiliations: [{ organisationId: org }],
      })
    ).body.id;
    regs.push(
      // Registered on the cycle's first day, so present at its session.
      (
        await c.post('/api/intervision/registrations', {
          groupId,
          personId: person,
          organisationId: org,
          registeredOn: startsOn,
        })
      ).body.id,
    );
  }
  const session = (await c.post('/api/intervision/sessions', { groupId, startsOn }).expect(201)).body.id;
  await c.put(`/api/intervision/sessions/${session}/attendance`, { registrationIds: [regs[0]] }).expect(200);
  await c.patch(`/api/intervision/registrations/${regs[1]}`, {
    payment: { paidOn: startsOn, method: 'transfer', reference: 'VIR-7' },
  });
  return { cycleId, groupId, regs };
}

describe('the retention of intervision data', () => {
  it("removes past cycles' participants after the end of the cycle's year, and the figures stay true", async () => {
    const past = await cycleWithParticipants('2024-2025', '2024-09-02', '2025-06-30');
    const current = await cycleWithParticipants('2026-2027', '2026-09-07', '2027-06-30');
    const figures = async () => {
      const scope = { from: '2024-09-02', to: '2025-06-30', cycleId: past.cycleId };
      const ids = ['participants', 'institutions', 'fees-invoiced', 'fees-received'];
      const values = (
        await c
          .get('/api/figures/values', {
            ...scope,
            ids: ids.map((id) => `connect.intervision.${id}`).join(','),
          })
          .expect(200)
      ).body.values.map((v: { value: number }) => v.value);
      const records = (
        await c.get('/api/figures/connect.intervision.participants/records', scope).expect(200)
      ).body;
      return { values, records };
    };
    const before = await figures();

    // On the last day of 2025 the 2024-2025 cycle is still kept.
    expect(await schedulePass('2025-12-31')).toBe(null);
    const run = await schedulePass('2026-01-01');
    expect(run).toMatchObject({
      trigger: 'schedule',
      cutoff: '2026-01-01',
      removed: 2,
      cycles: [{ cycleId: past.cycleId, name: '2024-2025', registrations: 2 }],
    });

    const group = (await c.get(`/api/intervision/groups/${past.groupId}`)).body;
    expect(group.registrations.map((r: { person: unknown }) => r.person)).toEqual([null, null]);
    expect(group.registrations[1]).toMatchObject({
      fee: '150.00',
      payment: { paidOn: '2024-09-02', amount: '150.00', method: 'transfer', reference: null },
    });
    const after = await figures();
    // Participants and institutions as before; invoiced 2 × 150, received 150.
    expect(after.values).toEqual(before.values);
    expect(after.values.slice(2)).toEqual([300, 150]);
    // A record without a name: the SPA says 'Participant·e retiré·e'.
    expect(after.records.items[0]).toMatchObject({
      name: null,
      organisation: { name: { fr: expect.stringMatching(/^Maison 2024-2025/) } },
    });
    expect(JSON.stringify(after)).not.toContain('Camille');

    const kept = (await c.get(`/api/intervision/groups/${current.groupId}`)).body;
    expect(kept.registrations.every((r: { person: unknown }) => r.person !== null)).toBe(true);

    // A second pass has nothing left to remove and, on the schedule, records nothing.
    expect(await schedulePass('2026-03-01')).toBe(null);
    const runs = (await c.get('/api/intervision/retention-runs').expect(200)).body.items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ removed: 2, trigger: 'schedule' });
  });

  it('runs on demand for a coordinator, who sees what it removed; the audit log keeps the trace', async () => {
    const res = await c.post('/api/intervision/retention-runs', {}).expect(201);
    expect(res.body).toMatchObject({ trigger: 'manual', removed: 0, cycles: [] });
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    const trail = (
      await admin
        .get('/api/audit', { resourceType: 'intervision_retention_run', resourceId: res.body.id })
        .expect(200)
    ).body.items;
    expect(trail).toEqual([expect.objectContaining({ action: 'delete' })]);
  });

  it('is not for a Connect worker to run', async () => {
    const worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    expect((await worker.post('/api/intervision/retention-runs', {})).status).toBe(403);
    expect((await worker.get('/api/intervision/retention-runs')).status).toBe(200);
  });
});

describe('the retention schedule', () => {
  it('removes what has expired when the server starts, when RETENTION_INTERVAL_HOURS is set', async () => {
    const scheduled = await createTestApp({ RETENTION_INTERVAL_HOURS: '24' }, async (app) => {
      // Before the start: a 2019-2020 cycle with one participant, long past its year (written
      // by the app acting as itself: the row-level security lets no one else in unannounced).
      await app.database.acting(SYSTEM, async () => {
        const db = app.database.db;
        const [org] = await db
          .insert(organisations)
          .values({ nameFr: 'Maison Ancienne', searchKey: 'maison ancienne', matchKey: 'maisonancienne' })
          .returning();
        const [person] = await db
          .insert(people)
          .values({
            firstName: 'Pieter',
            lastName: 'Wouters',
            searchKey: 'pieter wouters',
            matchKey: 'pieterwouters',
          })
          .returning();
        const [cycle] = await db
          .insert(intervisionCycles)
          .values({ name: '2019-2020', startsOn: '2019-09-01', endsOn: '2020-06-30' })
          .returning();
        const [group] = await db
          .insert(intervisionGroups)
          .values({
            cycleId: cycle!.id,
            name: 'Groupe 2019',
            kind: 'intersectoral',
            language: 'fr',
            weekday: 1,
            startTime: '09:00',
            endTime: '12:00',
          })
          .returning();
        await db.insert(intervisionRegistrations).values({
          groupId: group!.id,
          personId: person!.id,
          organisationId: org!.id,
          registeredOn: '2019-09-10',
          status: 'registered',
          fee: '150',
          memberRate: false,
        });
      });
    });
    try {
      const coordinator = as(
        scheduled.app,
        (await signedIn(scheduled.app, { role: 'coordinator', poles: ['connect'] })).auth,
      );
      const runs = async () =>
        (await coordinator.get('/api/intervision/retention-runs').expect(200)).body.items;
      await expect.poll(runs, { timeout: 5000 }).toEqual([
        expect.objectContaining({
          trigger: 'schedule',
          removed: 1,
          cycles: [expect.objectContaining({ name: '2019-2020' })],
        }),
      ]);
    } finally {
      await scheduled.close();
    }
  });
});
