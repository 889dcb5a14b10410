import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';
import { newCycle, newGroup } from '../../test/helpers/intervision.js';

/**
 * Reads with a purpose (decision 21): every read of a sensitive record and every page of a list
 * naming people of a sensitive kind writes one access-log row with its purpose; none without a
 * purpose; breaking the glass takes a named role, a written reason, and is flagged.
 */
let t: TestApp;
let admin: ReturnType<typeof as>;
let adminAuth: string;
let connect: ReturnType<typeof as>;
let connectId: string;
let personIds: string[];
let groupId: string;
let cycleId: string;
let registrationId: string;

const REASON = 'Urgence : la coordinatrice Connect est absente cette semaine';

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t.app, { role: 'admin' });
  adminAuth = a.auth;
  admin = as(t.app, a.auth, { purpose: 'administration' });
  const c = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
  connect = as(t.app, c.auth);
  connectId = c.user.id;
  const org = (await connect.post('/api/organisations', { nameFr: 'Maison Exemple Finalité' }).expect(201))
    .body.id;
  personIds = [];
  for (const [firstName, lastName] of [
    ['Anouk', 'Vermeulen'],
    ['Bram', 'Lambrechts'],
  ]) {
    personIds.push(
      (
        await connect
          .post('/api/people', { firstName, lastName, affiliations: [{ organisationId: org }] })
          .expect(201)
      ).body.id,
    );
  }
  const cycle = await newCycle(connect, { name: '2031-2032', startsOn: '2031-09-01', endsOn: '2032-06-30' });
  cycleId = cycle.id;
  // Bram Lambrechts facilitates; Anouk Vermeulen takes part.
  groupId = (await newGroup(connect, cycle.id, 'Groupe Finalité', { facilitatorIds: [personIds[1]] })).id;
  registrationId = (
    await connect
      .post('/api/intervision/registrations', {
        groupId,
        personId: personIds[0],
        organisationId: org,
        registeredOn: '2031-09-01',
      })
      .expect(201)
  ).body.id;
});
afterAll(() => t.close());

type Entry = {
  userId: string;
  kind: string;
  recordIds: string[];
  purpose: string;
  flagged: boolean;
  reason: string | null;
  parentId: string | null;
};
const seen = async (kind: string, recordId: string): Promise<Entry[]> =>
  (await admin.get('/api/access-log', { kind, recordId }).expect(200)).body.items;

describe('reads with a purpose', () => {
  it("logs a person's read and a page of the people list with their purpose, ids only", async () => {
    const teamMeeting = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth, {
      purpose: 'team_meeting',
    });
    const one = await teamMeeting.get(`/api/people/${personIds[1]}`).expect(200);
    expect(one.body.lastName).toBe('Lambrechts');
    const page = (await teamMeeting.get('/api/people', { q: 'Finalité' }).expect(200)).body;
    const listed = (await teamMeeting.get('/api/people').expect(200)).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(listed).toEqual(expect.arrayContaining(personIds));
    void page;

    const entries = await seen('person', personIds[1]!);
    const reader = entries.filter((e) => e.purpose === 'team_meeting');
    // The record read, and the list's page that named it.
    expect(reader.map((e) => e.recordIds.length > 1)).toEqual([true, false]);
    expect(reader[1]).toMatchObject({
      kind: 'person',
      recordIds: [personIds[1]],
      flagged: false,
      reason: null,
    });
    expect(reader[0]!.recordIds).toEqual(expect.arrayContaining(personIds));
    // Ids only: no name in the log.
    expect(JSON.stringify(entries)).not.toContain('Lambrechts');
  });

  it('refuses a sensitive read without a purpose (400 naming the header), and an unknown purpose', async () => {
    const none = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth, {
      purpose: null,
    });
    for (const url of [`/api/people/${personIds[0]}`, '/api/people', `/api/intervision/groups/${groupId}`]) {
      const res = await none.get(url).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'PURPOSE_REQUIRED',
        errors: [{ field: 'x-purpose', code: 'required' }],
      });
    }
    // Organisations name no one of a sensitive kind: no purpose needed.
    await none.get('/api/organisations').expect(200);
    const unknown = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth, {
      purpose: 'curiosity',
    });
    expect((await unknown.get('/api/people').expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'x-purpose', code: 'invalid' }),
    ]);
  });

  it("logs an intervision group's registrations as they are shown, for the coordinator", async () => {
    const group = (await connect.get(`/api/intervision/groups/${groupId}`).expect(200)).body;
    expect(group.registrations.map((r: { id: string }) => r.id)).toEqual([registrationId]);
    const entries = await seen('intervision_registration', registrationId);
    expect(entries[0]).toMatchObject({ userId: connectId, purpose: 'follow_up', flagged: false });
  });
});

describe("an intervision group's facilitators and participants are people read", () => {
  const reader = async (purpose: string | null) => {
    const { auth, user } = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
    return { c: as(t.app, auth, { purpose }), id: user.id };
  };
  const mine = async (personId: string, userId: string) =>
    (await seen('person', personId)).filter((e) => e.userId === userId).map((e) => e.recordIds);

  it("logs the facilitators named by the list of groups, a group's page and the cycle's schedule", async () => {
    const { c, id } = await reader('team_meeting');
    const list = (await c.get('/api/intervision/groups', { cycleId }).expect(200)).body.items;
    expect(list[0].facilitators.map((f: { id: string }) => f.id)).toEqual([personIds[1]]);
    await c.get(`/api/intervision/groups/${groupId}`).expect(200);
    await c.get(`/api/intervision/cycles/${cycleId}/schedule`).expect(200);
    // The list, the page (facilitator then participant) and the schedule: one row each, ids only.
    expect(await mine(personIds[1]!, id)).toEqual([
      [personIds[1]],
      [personIds[1], personIds[0]],
      [personIds[1]],
    ]);
    const entries = (await seen('person', personIds[1]!)).filter((e) => e.userId === id);
    expect(entries.every((e) => e.purpose === 'team_meeting' && !e.flagged)).toBe(true);
  });

  it('logs the participants named by the registrations list', async () => {
    const { c, id } = await reader('follow_up');
    await c.get('/api/intervision/registrations', { cycleId }).expect(200);
    expect(await mine(personIds[0]!, id)).toEqual([[personIds[0]]]);
  });

  it('refuses those reads without a purpose (400 naming the header)', async () => {
    const { c } = await reader(null);
    for (const [url, query] of [
      ['/api/intervision/groups', { cycleId }],
      [`/api/intervision/groups/${groupId}`, {}],
      [`/api/intervision/cycles/${cycleId}/schedule`, {}],
      ['/api/intervision/registrations', { cycleId }],
    ] as const) {
      const res = await c.get(url, query).expect(400);
      expect(res.body).toMatchObject({ code: 'PURPOSE_REQUIRED', errors: [{ field: 'x-purpose' }] });
    }
    // Their writes answer the group or the registration, naming its people: a purpose too.
    const { auth } = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const none = as(t.app, auth, { purpose: null });
    for (const res of [
      await none.post('/api/intervision/groups', { cycleId, name: 'Sans finalité' }),
      await none.patch(`/api/intervision/groups/${groupId}`, { capacity: 12 }),
      await none.post('/api/intervision/registrations', { groupId, personId: personIds[1] }),
      await none.patch(`/api/intervision/registrations/${registrationId}`, { payment: null }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'PURPOSE_REQUIRED', errors: [{ field: 'x-purpose' }] });
    }
  });

  it("logs the facilitators a group's update answers, and a 412's as it names them", async () => {
    const { auth, user } = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const c = as(t.app, auth, { purpose: 'team_meeting' });
    const saved = await c.patch(`/api/intervision/groups/${groupId}`, { capacity: 11 }).expect(200);
    expect(await mine(personIds[1]!, user.id)).toEqual([[personIds[1]]]);
    // An older version: the 412 shows the group as it is now, its facilitator's name with it.
    const stale = `"v${saved.body.version - 1}"`;
    const refused = await c.patch(`/api/intervision/groups/${groupId}`, { capacity: 9 }, stale).expect(412);
    expect(refused.body.current.facilitators.map((f: { id: string }) => f.id)).toEqual([personIds[1]]);
    expect(await mine(personIds[1]!, user.id)).toEqual([[personIds[1]], [personIds[1]]]);
    // A registration's 412 names its participant: logged as well.
    const registration = (await c.get('/api/intervision/registrations', { cycleId }).expect(200)).body
      .items[0];
    await c
      .patch(
        `/api/intervision/registrations/${registrationId}`,
        { payment: null },
        `"v${registration.version + 5}"`,
      )
      .expect(412);
    expect(await mine(personIds[0]!, user.id)).toEqual([[personIds[0]], [personIds[0]]]);
  });
});

describe('files, attendance and a merge preview name people too', () => {
  const worker = () => signedIn(t.app, { role: 'worker', poles: ['connect'] });

  it("logs a participant's calendar (the person and their registrations); a group's names no one", async () => {
    const { auth, user } = await worker();
    const me = user.id;
    const url = `/api/intervision/registrations/${registrationId}/calendar.ics`;
    const refused = await as(t.app, auth, { purpose: null }).get(url).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'x-purpose', code: 'required' }]);
    const file = await as(t.app, auth, { purpose: 'follow_up' }).get(url).expect(200);
    expect(file.headers['content-disposition']).toContain('Intervision-Anouk-Vermeulen.ics');
    expect((await seen('person', personIds[0]!)).filter((e) => e.userId === me)).toEqual([
      expect.objectContaining({ recordIds: [personIds[0]], purpose: 'follow_up' }),
    ]);
    expect((await seen('intervision_registration', registrationId)).filter((e) => e.userId === me)).toEqual([
      expect.objectContaining({ recordIds: [registrationId], purpose: 'follow_up' }),
    ]);
    // The group's calendar: its sessions and hosts (organisations), no participant: no purpose.
    await as(t.app, auth, { purpose: null })
      .get(`/api/intervision/groups/${groupId}/calendar.ics`)
      .expect(200);
  });

  it('logs who was present as a session answers its attendance, and asks a purpose for it', async () => {
    const session = (
      await connect.post('/api/intervision/sessions', { groupId, startsOn: '2031-10-06' }).expect(201)
    ).body;
    const body = { registrationIds: [registrationId], confirmToCome: true };
    const { auth } = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const url = `/api/intervision/sessions/${session.id}/attendance`;
    const refused = await as(t.app, auth, { purpose: null }).put(url, body).expect(400);
    expect(refused.body.code).toBe('PURPOSE_REQUIRED');
    const saved = await as(t.app, auth, { purpose: 'team_meeting' }).put(url, body).expect(200);
    expect(saved.body.attendance).toEqual([registrationId]);
    const entries = await seen('intervision_registration', registrationId);
    expect(entries[0]).toMatchObject({ recordIds: [registrationId], purpose: 'team_meeting' });
  });

  it("logs the schedule's attendance (who was present), as the group's page its registrations", async () => {
    const { auth, user } = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
    const reader = as(t.app, auth, { purpose: 'team_meeting' });
    const { cycleId } = (await reader.get(`/api/intervision/groups/${groupId}`).expect(200)).body.group;
    await reader.get(`/api/intervision/cycles/${cycleId}/schedule`).expect(200);
    const mine = (await seen('intervision_registration', registrationId)).filter((e) => e.userId === user.id);
    expect(mine.map((e) => e.recordIds)).toEqual([[registrationId], [registrationId]]);
    await as(t.app, auth, { purpose: null }).get(`/api/intervision/cycles/${cycleId}/schedule`).expect(400);
  });

  it("logs a people merge's preview as a read of both people", async () => {
    const url = `/api/people/${personIds[0]}/merge`;
    const query = { duplicateId: personIds[1] };
    const none = as(t.app, adminAuth, { purpose: null });
    expect((await none.get(url, query).expect(400)).body.code).toBe('PURPOSE_REQUIRED');
    await admin.get(url, query).expect(200);
    for (const id of personIds) {
      expect((await seen('person', id!))[0]).toMatchObject({
        recordIds: [personIds[0], personIds[1]],
        purpose: 'administration',
      });
    }
  });
});

describe('breaking the glass', () => {
  const glass = (auth: string, reason?: string) => {
    const c = as(t.app, auth, { purpose: 'break_glass' });
    return (url: string) => {
      const req = c.get(url);
      return reason === undefined ? req : req.set('x-break-glass-reason', encodeURIComponent(reason));
    };
  };

  it("lets a coordinator of another pole read a Connect group's registrations only with a reason, flagged", async () => {
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    const url = `/api/intervision/groups/${groupId}`;
    // Outside their scope: the API says the glass must be broken.
    const plain = await as(t.app, support.auth).get(url).expect(403);
    expect(plain.body.code).toBe('BREAK_GLASS_REQUIRED');
    // Without a reason, or too short a one.
    const without = await glass(support.auth)(url).expect(400);
    expect(without.body).toMatchObject({
      code: 'BREAK_GLASS_REASON_REQUIRED',
      errors: [{ field: 'x-break-glass-reason', code: 'required' }],
    });
    expect((await glass(support.auth, 'parce que')(url).expect(400)).body.errors[0].code).toBe('tooShort');
    // With one: read, and flagged.
    const read = await glass(support.auth, REASON)(url).expect(200);
    expect(read.body.registrations.map((r: { id: string }) => r.id)).toEqual([registrationId]);
    const entries = await seen('intervision_registration', registrationId);
    expect(entries[0]).toMatchObject({
      userId: support.user.id,
      purpose: 'break_glass',
      flagged: true,
      reason: REASON,
    });
    // The people the page names (its facilitator, its participant) are logged with the same flag.
    expect((await seen('person', personIds[1]!))[0]).toMatchObject({
      userId: support.user.id,
      recordIds: [personIds[1], personIds[0]],
      purpose: 'break_glass',
      flagged: true,
    });
    // Breaking the glass reads; it does not write.
    const write = await as(t.app, support.auth, { purpose: 'break_glass' })
      .patch(`/api/intervision/groups/${groupId}`, { name: 'Changé' })
      .set('x-break-glass-reason', encodeURIComponent(REASON));
    expect(write.status).toBe(403);
  });

  it('answers 400 to a coordinator breaking the glass on a read within their own scope', async () => {
    const url = `/api/intervision/groups/${groupId}`;
    const res = await glass(
      (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth,
      REASON,
    )(url).expect(400);
    expect(res.body).toMatchObject({
      code: 'NOTHING_TO_BREAK',
      errors: [{ field: 'x-purpose', code: 'notAllowed' }],
    });
  });

  it('is refused to a role the kind does not name, even with a reason', async () => {
    const worker = await signedIn(t.app, { role: 'worker', poles: ['support'] });
    const url = `/api/intervision/groups/${groupId}`;
    expect((await as(t.app, worker.auth).get(url).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await glass(worker.auth, REASON)(url).expect(403)).body.code).toBe('FORBIDDEN');
    const entries = await seen('intervision_registration', registrationId);
    expect(entries.some((e) => e.userId === worker.user.id)).toBe(false);
  });

  it('lets an administrator break the glass with a reason, flagged, and lists flagged reads for them', async () => {
    const admins = (await signedIn(t.app, { role: 'admin' })).auth;
    await glass(admins)(`/api/people/${personIds[0]}`).expect(400);
    await glass(admins, REASON)(`/api/people/${personIds[0]}`).expect(200);
    const flagged = (await admin.get('/api/access-log', { flagged: true }).expect(200)).body.items as Entry[];
    expect(flagged.every((e) => e.flagged)).toBe(true);
    expect(flagged[0]).toMatchObject({ kind: 'person', recordIds: [personIds[0]], reason: REASON });
    // The registration read on its group's page links there (its parent), the person to itself.
    expect(flagged).toContainEqual(
      expect.objectContaining({
        kind: 'intervision_registration',
        recordIds: [registrationId],
        parentId: groupId,
      }),
    );
    expect(flagged[0]!.parentId).toBeNull();
    void adminAuth;
  });
});
