import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup as groupOf } from '../../../../test/helpers/intervision.js';
import { todayInBrussels } from '../../../lib/dates.js';

let t: TestApp;
let c: ReturnType<typeof as>;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  cycleId = (await newCycle(c, { name: '2024-2025', startsOn: '2024-09-01', endsOn: '2025-06-30' })).id;
});
afterAll(() => t.close());

const newGroup = (name: string, extra: Record<string, unknown> = {}) =>
  groupOf(c, cycleId, name, { language: 'nl', ...extra });

const participant = async (
  groupId: string,
  orgName: string,
  firstName = 'Sofie',
  registeredOn = '2024-09-16',
) => {
  const org = (await c.post('/api/organisations', { nameNl: orgName }).expect(201)).body.id as string;
  const person = (
    await c
      .post('/api/people', { firstName, lastName: 'Claes', affiliations: [{ organisationId: org }] })
      .expect(201)
  ).body.id as string;
  const reg = (
    await c
      .post('/api/intervision/registrations', {
        groupId,
        personId: person,
        organisationId: org,
        registeredOn,
      })
      .expect(201)
  ).body;
  return { org, person, reg: reg as { id: string; status: string } };
};

describe('groups of a cycle', () => {
  it('lists the groups of the cycle asked for only', async () => {
    const g = await newGroup('Groep donderdag');
    const other = (
      await c.post('/api/intervision/cycles', {
        name: '2025-2026',
        startsOn: '2025-09-01',
        endsOn: '2026-06-30',
      })
    ).body.id;
    const list = await c.get('/api/intervision/groups', { cycleId }).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(g.id);
    expect((await c.get('/api/intervision/groups', { cycleId: other }).expect(200)).body.items).toEqual([]);
    expect((await c.get(`/api/intervision/cycles/${cycleId}`).expect(200)).body.name).toBe('2024-2025');
  });
});

describe('dates from a rule', () => {
  it('previews, then plans the second Thursday of October to December, leaving existing dates alone', async () => {
    const g = await newGroup('Groep regel');
    await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-11-14' }).expect(201);
    const rule = { from: '2024-10-01', to: '2024-12-31', ordinal: 2 };
    const preview = await c.post(`/api/intervision/groups/${g.id}/sessions/generate`, {
      ...rule,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      dates: ['2024-10-10', '2024-11-14', '2024-12-12'],
      skipped: ['2024-11-14'],
      created: [],
    });
    expect((await c.get(`/api/intervision/groups/${g.id}`)).body.sessions).toHaveLength(1);

    const made = await c.post(`/api/intervision/groups/${g.id}/sessions/generate`, rule).expect(201);
    expect(made.body.created.map((s: { startsOn: string }) => s.startsOn)).toEqual([
      '2024-10-10',
      '2024-12-12',
    ]);
    const sessions = (await c.get(`/api/intervision/groups/${g.id}`)).body.sessions;
    expect(sessions.map((s: { startsOn: string; status: string }) => [s.startsOn, s.status])).toEqual([
      ['2024-10-10', 'planned'],
      ['2024-11-14', 'planned'],
      ['2024-12-12', 'planned'],
    ]);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const g = await newGroup('Groep fout');
    const res = await c.post(`/api/intervision/groups/${g.id}/sessions/generate`, {
      from: '2024-12-01',
      to: '2024-10-01',
      ordinal: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'tooSmall' })]);
  });
});

/** A calendar day `n` days after `day` (`yyyy-mm-dd`), computed at noon UTC so no zone moves it. */
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('a session to come', () => {
  it('is not marked held before its day in Brussels, unless the request confirms it', async () => {
    const g = await newGroup('Groep morgen');
    const today = todayInBrussels();
    const tomorrow = (
      await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: plusDays(today, 1) }).expect(201)
    ).body;
    for (const status of ['held', 'held_video']) {
      const res = await c.patch(`/api/intervision/sessions/${tomorrow.id}`, { status });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'status', code: 'sessionToCome' }]);
    }
    // Still planned: nothing was written.
    const detail = (await c.get(`/api/intervision/groups/${g.id}`).expect(200)).body;
    expect(detail.sessions[0]).toMatchObject({ status: 'planned' });

    // Moving a held session to a day to come is refused the same way, naming the date.
    const past = (
      await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: plusDays(today, -7) }).expect(201)
    ).body;
    await c.patch(`/api/intervision/sessions/${past.id}`, { status: 'held' }).expect(200);
    const moved = await c.patch(`/api/intervision/sessions/${past.id}`, { startsOn: plusDays(today, 7) });
    expect(moved.status).toBe(409);
    expect(moved.body.errors).toEqual([{ field: 'startsOn', code: 'sessionToCome' }]);

    // Asked and confirmed (the SPA's question): held before its day.
    await c
      .patch(`/api/intervision/sessions/${tomorrow.id}`, { status: 'held_video', confirmToCome: true })
      .expect(200);
    // Today is not to come: held without a question.
    const now = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: today }).expect(201))
      .body;
    expect(
      (await c.patch(`/api/intervision/sessions/${now.id}`, { status: 'held' }).expect(200)).body,
    ).toMatchObject({
      status: 'held',
    });
  });
});

describe('attendance', () => {
  it('records who was present, and a planned session with attendance becomes held', async () => {
    const g = await newGroup('Groep aanwezig');
    const a = await participant(g.id, 'Huis Kastanje');
    const b = await participant(g.id, 'Huis Linde');
    const session = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' }))
      .body;
    const res = await c
      .put(`/api/intervision/sessions/${session.id}/attendance`, { registrationIds: [a.reg.id] })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'held', attendance: [a.reg.id] });
    await c
      .put(`/api/intervision/sessions/${session.id}/attendance`, { registrationIds: [a.reg.id, b.reg.id] })
      .expect(200);
    const detail = (await c.get(`/api/intervision/groups/${g.id}`)).body;
    expect([...detail.sessions[0].attendance].sort()).toEqual([a.reg.id, b.reg.id].sort());
  });

  it("refuses another group's participant, and attendance at a cancelled session", async () => {
    const g = await newGroup('Groep streng');
    const elsewhere = await newGroup('Groep elders');
    const stranger = await participant(elsewhere.id, 'Huis Wilg');
    const session = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' }))
      .body;
    const wrong = await c.put(`/api/intervision/sessions/${session.id}/attendance`, {
      registrationIds: [stranger.reg.id],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'registrationIds/0', code: 'invalid' }),
    ]);
    const own = await participant(g.id, 'Huis Beuk');
    await c.patch(`/api/intervision/sessions/${session.id}`, { status: 'cancelled', cancelReason: 'Ziekte' });
    const cancelled = await c.put(`/api/intervision/sessions/${session.id}/attendance`, {
      registrationIds: [own.reg.id],
    });
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.errors).toEqual([
      expect.objectContaining({ field: 'registrationIds', code: 'notAllowed' }),
    ]);
  });

  it('refuses someone who registered after the session: 1 December is not on October’s list', async () => {
    const g = await newGroup('Groep laat');
    const early = await participant(g.id, 'Huis Es');
    const late = await participant(g.id, 'Huis Eik', 'Wout', '2024-12-01');
    const october = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' }))
      .body;
    const res = await c.put(`/api/intervision/sessions/${october.id}/attendance`, {
      registrationIds: [early.reg.id, late.reg.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'registrationIds/1', code: 'registeredAfter' }),
    ]);
    const december = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-12-12' }))
      .body;
    await c
      .put(`/api/intervision/sessions/${december.id}/attendance`, {
        registrationIds: [early.reg.id, late.reg.id],
      })
      .expect(200);
  });
});

describe('attendance at a session to come', () => {
  it('does not silently mark it held: refused until the request confirms, nothing written', async () => {
    const g = await newGroup('Groep volgende week');
    const a = await participant(g.id, 'Huis Hazelaar');
    const today = todayInBrussels();
    const next = (
      await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: plusDays(today, 7) }).expect(201)
    ).body;
    const refused = await c.put(`/api/intervision/sessions/${next.id}/attendance`, {
      registrationIds: [a.reg.id],
    });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ field: 'status', code: 'sessionToCome' }]);
    // Nothing changed: still planned, nobody present, same version.
    const before = (await c.get(`/api/intervision/groups/${g.id}`).expect(200)).body.sessions[0];
    expect(before).toMatchObject({ status: 'planned', attendance: [], version: next.version });

    // Asked and confirmed: recorded, and held.
    const confirmed = await c
      .put(`/api/intervision/sessions/${next.id}/attendance`, {
        registrationIds: [a.reg.id],
        confirmToCome: true,
      })
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'held', attendance: [a.reg.id] });
    // Once held (after the question), attendance is corrected without asking again.
    await c.put(`/api/intervision/sessions/${next.id}/attendance`, { registrationIds: [] }).expect(200);

    // Today is not to come: recorded and held without a question.
    const now = (await c.post('/api/intervision/sessions', { groupId: g.id, startsOn: today }).expect(201))
      .body;
    expect(
      (
        await c
          .put(`/api/intervision/sessions/${now.id}/attendance`, { registrationIds: [a.reg.id] })
          .expect(200)
      ).body,
    ).toMatchObject({ status: 'held' });
  });
});

describe('hosts', () => {
  it('shows which participants have not hosted yet; a cancelled session does not count', async () => {
    const g = await newGroup('Groep gastheer');
    const a = await participant(g.id, 'Huis Eik');
    const b = await participant(g.id, 'Huis Es');
    const pending = async () =>
      (await c.get(`/api/intervision/groups/${g.id}`)).body.hostsPending.map((o: { id: string }) => o.id);
    expect((await pending()).sort()).toEqual([a.org, b.org].sort());
    await c.post('/api/intervision/sessions', {
      groupId: g.id,
      startsOn: '2024-10-10',
      hostOrganisationId: a.org,
    });
    const cancelled = (
      await c.post('/api/intervision/sessions', {
        groupId: g.id,
        startsOn: '2024-11-07',
        hostOrganisationId: b.org,
      })
    ).body;
    await c.patch(`/api/intervision/sessions/${cancelled.id}`, {
      status: 'cancelled',
      cancelReason: 'Staking',
    });
    expect(await pending()).toEqual([b.org]);
  });
});

describe("a participant's calendar", () => {
  it("holds the sessions of every group the person takes part in, not those she waits for, and nobody else's", async () => {
    const thursday = await newGroup('Groep agenda donderdag');
    const monday = await newGroup('Groupe agenda lundi', {
      language: 'fr',
      weekday: 1,
      startTime: '09:00',
      endTime: '12:00',
    });
    const other = await newGroup('Groep zonder haar');
    const me = await participant(thursday.id, 'Huis Agenda', 'Lotte');
    const secondOrg = (await c.post('/api/organisations', { nameFr: 'Maison Agenda' })).body.id;
    await c
      .post('/api/intervision/registrations', {
        groupId: monday.id,
        personId: me.person,
        organisationId: secondOrg,
      })
      .expect(201);
    await c.post('/api/intervision/sessions', { groupId: thursday.id, startsOn: '2024-10-10' });
    await c.post('/api/intervision/sessions', { groupId: monday.id, startsOn: '2024-10-07' });
    await c.post('/api/intervision/sessions', { groupId: other.id, startsOn: '2024-10-08' });
    const full = await newGroup('Groep vol', { capacity: 1 });
    await participant(full.id, 'Huis Vol');
    const thirdOrg = (await c.post('/api/organisations', { nameNl: 'Huis Wachtlijst' })).body.id;
    const waiting = await c
      .post('/api/intervision/registrations', {
        groupId: full.id,
        personId: me.person,
        organisationId: thirdOrg,
      })
      .expect(201);
    expect(waiting.body.status).toBe('waiting');
    await c.post('/api/intervision/sessions', { groupId: full.id, startsOn: '2024-10-09' });
    const res = await c.get(`/api/intervision/registrations/${me.reg.id}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toContain('Intervision-Lotte-Claes.ics');
    const ics = res.text;
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20241010T140000');
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20241007T090000');
    expect(ics).not.toContain('20241008');
    expect(ics).not.toContain('20241009');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

describe('the cycle schedule', () => {
  it('gives every group of the cycle with its sessions in date order', async () => {
    const other = (
      await c.post('/api/intervision/cycles', {
        name: 'Schema',
        startsOn: '2030-09-01',
        endsOn: '2031-06-30',
      })
    ).body.id;
    const g = (
      await c
        .post('/api/intervision/groups', {
          cycleId: other,
          name: 'Groupe du lundi',
          kind: 'intersectoral',
          language: 'fr',
          weekday: 1,
          startTime: '09:00',
          endTime: '12:00',
          facilitatorIds: [],
        })
        .expect(201)
    ).body;
    const host = (
      await c
        .post('/api/organisations', {
          nameFr: 'Maison Hôte',
          street: 'Chaussée de Wavre 5',
          postalCode: '1050',
        })
        .expect(201)
    ).body;
    for (const day of ['2030-12-02', '2030-10-07', '2030-11-04']) {
      await c
        .post('/api/intervision/sessions', {
          groupId: g.id,
          startsOn: day,
          ...(day === '2030-10-07' ? { hostOrganisationId: host.id } : {}),
        })
        .expect(201);
    }
    const schedule = (await c.get(`/api/intervision/cycles/${other}/schedule`).expect(200)).body;
    // The printed sheet says where each session is: the host's address, its commune in both languages.
    expect(schedule.hosts).toEqual([
      {
        id: host.id,
        nameFr: 'Maison Hôte',
        nameNl: null,
        street: 'Chaussée de Wavre 5',
        postalCode: '1050',
        placeFr: 'Ixelles',
        placeNl: 'Elsene',
      },
    ]);
    expect(schedule.cycle).toMatchObject({ name: 'Schema', memberFee: '120.00', nonMemberFee: '150.00' });
    expect(schedule.groups).toHaveLength(1);
    expect(schedule.groups[0].sessions.map((s: { startsOn: string }) => s.startsOn)).toEqual([
      '2030-10-07',
      '2030-11-04',
      '2030-12-02',
    ]);
  });
});
