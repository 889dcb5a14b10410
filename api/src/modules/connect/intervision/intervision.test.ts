import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';

let t: TestApp;
let auth: string;
const post = (url: string, body: Record<string, unknown>, a = auth) => as(t.app, a).post(url, body);
const patch = (url: string, body: Record<string, unknown>) => as(t.app, auth).patch(url, body);
let cycleId: string;
let memberOrg: string;
let otherOrg: string;
let person: (first: string, org: string) => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  auth = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
  const mental = await refId(t.app, auth, 'sector', 'mental_health');
  const homeless = await refId(t.app, auth, 'sector', 'homeless');
  memberOrg = (
    await post('/api/organisations', {
      nameFr: 'Membre Intervision',
      sectorIds: [mental],
      street: 'Rue de la Victoire 12',
      postalCode: '1060',
    })
  ).body.id;
  otherOrg = (await post('/api/organisations', { nameFr: 'Non-membre Intervision', sectorIds: [homeless] }))
    .body.id;
  await post('/api/members', { organisationId: memberOrg, startsOn: '2020-01-01' }).expect(201);
  person = async (first, org) =>
    (
      await post('/api/people', {
        firstName: first,
        lastName: 'Test',
        affiliations: [{ organisationId: org }],
      })
    ).body.id;
  cycleId = (
    await post('/api/intervision/cycles', { name: '2024-2025', startsOn: '2024-09-01', endsOn: '2025-08-31' })
  ).body.id;
});
afterAll(() => t.close());

const group = async (extra: Record<string, unknown> = {}) =>
  (
    await post('/api/intervision/groups', {
      cycleId,
      name: 'Groupe FR 1',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 4,
      startTime: '13:30',
      endTime: '16:30',
      facilitatorIds: [],
      ...extra,
    })
  ).body;

describe('intervision cycles and groups', () => {
  it('a cycle has €120 for members and €150 for others unless told otherwise, and a unique name', async () => {
    const cycles = await as(t.app, auth).get('/api/intervision/cycles');
    expect(cycles.body.items).toEqual([
      expect.objectContaining({ name: '2024-2025', memberFee: '120.00', nonMemberFee: '150.00' }),
    ]);
    expect(
      (
        await post('/api/intervision/cycles', {
          name: '2024-2025',
          startsOn: '2024-09-01',
          endsOn: '2025-08-31',
        })
      ).status,
    ).toBe(409);
  });

  it('says when the facilitator pair is not one social worker and one from mental health', async () => {
    const mentalA = await person('Psy', memberOrg);
    const mentalB = await person('Psy2', memberOrg);
    const social = await person('Social', otherOrg);
    expect((await group({ facilitatorIds: [mentalA, social] })).warnings).toEqual([]);
    expect((await group({ facilitatorIds: [mentalA, mentalB] })).warnings).toEqual([
      'facilitatorPairSectors',
    ]);
  });
});

describe('registrations', () => {
  it('set the fee from membership on the registration day', async () => {
    const g = await group();
    const member = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('Ana', memberOrg),
      organisationId: memberOrg,
      registeredOn: '2024-09-10',
    });
    expect(member.body).toMatchObject({ fee: '120.00', memberRate: true, status: 'registered' });
    const other = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('Bo', otherOrg),
      organisationId: otherOrg,
      registeredOn: '2024-09-10',
    });
    expect(other.body).toMatchObject({ fee: '150.00', memberRate: false });
  });

  it('refuse a second worker of the same organisation in a group, until the first withdraws', async () => {
    const g = await group();
    const first = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('Cas', otherOrg),
      organisationId: otherOrg,
      // Registered before the withdrawal below, whatever today is in Brussels.
      registeredOn: '2026-11-01',
    });
    expect(first.status).toBe(201);
    const colleague = await person('Dee', otherOrg);
    const refused = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: colleague,
      organisationId: otherOrg,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'organisationId', code: 'taken' }),
    ]);
    await patch(`/api/intervision/registrations/${first.body.id}`, { withdrawnOn: '2026-12-01' }).expect(200);
    expect(
      (
        await post('/api/intervision/registrations', {
          groupId: g.id,
          personId: colleague,
          organisationId: otherOrg,
        })
      ).status,
    ).toBe(201);
    const detail = await as(t.app, auth).get(`/api/intervision/groups/${g.id}`);
    expect(detail.body.registrations.map((r: { status: string }) => r.status)).toEqual([
      'withdrawn',
      'registered',
    ]);
  });

  it('let only one of two simultaneous colleagues in', async () => {
    const g = await group();
    const org = (await post('/api/organisations', { nameFr: 'Org Course' })).body.id as string;
    const [a, b] = [await person('H', org), await person('I', org)];
    const results = await Promise.all(
      [a, b].map((personId) =>
        post('/api/intervision/registrations', { groupId: g.id, personId, organisationId: org }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('CONFLICT');
  });

  it('put the next one on the waiting list when the group is full, or refuse if asked', async () => {
    const g = await group({ capacity: 1 });
    const orgs = await Promise.all(
      ['W1', 'W2', 'W3'].map(
        async (n) => (await post('/api/organisations', { nameFr: `Org ${n}` })).body.id as string,
      ),
    );
    await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('E', orgs[0]!),
      organisationId: orgs[0],
    }).expect(201);
    const waiting = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('F', orgs[1]!),
      organisationId: orgs[1],
    });
    expect(waiting.body.status).toBe('waiting');
    const refused = await post('/api/intervision/registrations', {
      groupId: g.id,
      personId: await person('G', orgs[2]!),
      organisationId: orgs[2],
      waitingListIfFull: false,
    });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'groupId', code: 'groupFull' })]);
  });
});

describe('sessions', () => {
  it('are held, held by video, or cancelled with a reason', async () => {
    const g = await group();
    const s = (
      await post('/api/intervision/sessions', {
        groupId: g.id,
        startsOn: '2024-10-10',
        hostOrganisationId: memberOrg,
      })
    ).body;
    expect(s).toMatchObject({
      status: 'planned',
      host: expect.objectContaining({ nameFr: 'Membre Intervision' }),
    });
    const noReason = await patch(`/api/intervision/sessions/${s.id}`, { status: 'cancelled' });
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ field: 'cancelReason', code: 'required' }),
    ]);
    const cancelled = await patch(`/api/intervision/sessions/${s.id}`, {
      status: 'cancelled',
      cancelReason: 'grève',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'grève' });
    const trail = await as(t.app, (await signedIn(t.app, { role: 'admin' })).auth).get('/api/audit', {
      resourceType: 'intervision_session',
      resourceId: s.id,
      action: 'update',
    });
    expect(JSON.stringify(trail.body.items)).not.toContain('grève');
    expect(trail.body.items[0].details).toEqual({ fields: ['cancelReason', 'status'] });
    expect((await patch(`/api/intervision/sessions/${s.id}`, { status: 'held_video' })).body).toMatchObject({
      status: 'held_video',
      cancelReason: null,
    });
  });
});

describe('the group calendar', () => {
  it('is an .ics that calendars accept: Brussels time, CRLF, escaped text, cancelled sessions marked', async () => {
    const g = await group({ name: 'Groupe NL; jeudi, après-midi', language: 'nl' });
    const held = (
      await post('/api/intervision/sessions', {
        groupId: g.id,
        startsOn: '2024-10-10',
        hostOrganisationId: memberOrg,
      })
    ).body;
    const off = (await post('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-11-14' })).body;
    await patch(`/api/intervision/sessions/${off.id}`, {
      status: 'cancelled',
      cancelReason: 'Staking, geen trein',
    }).expect(200);
    const res = await as(t.app, auth).get(`/api/intervision/groups/${g.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('.ics');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
    expect(ics).toContain(`UID:${held.id}@smes-intervision`);
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20241010T133000');
    expect(ics).toContain('DTEND;TZID=Europe/Brussels:20241010T163000');
    expect(ics).toContain('SUMMARY:Groupe NL\\; jeudi\\, après-midi');
    // Where to go, in the group's language: the host's address, its commune named in Dutch.
    expect(ics).toContain('LOCATION:Membre Intervision\\, Rue de la Victoire 12\\, 1060 Sint-Gillis');
    expect(ics).toMatch(
      /UID:[^\r]+\r\n(?:[^\r]+\r\n)*?STATUS:CANCELLED\r\nDESCRIPTION:Staking\\, geen trein/,
    );
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // Read back by Mozilla's parser (Thunderbird's): the times land right on both sides of the
    // October clock change, so the VTIMEZONE is understood, not only present.
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    }
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      'Groupe NL; jeudi, après-midi',
      'Groupe NL; jeudi, après-midi',
    ]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2024-10-10T11:30:00.000Z', // 13:30 in Brussels, summer time (UTC+2)
      '2024-11-14T12:30:00.000Z', // 13:30 in Brussels, winter time (UTC+1)
    ]);
    expect(events[1]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[1]!.description).toBe('Staking, geen trein');

    // A correction raises SEQUENCE, so a calendar that imported the event takes the new one.
    const sequenceOf = (text: string, id: string) => {
      const vevent = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .find((v) => v.getFirstPropertyValue('uid') === `${id}@smes-intervision`)!;
      return Number(vevent.getFirstPropertyValue('sequence'));
    };
    const calendarText = async () =>
      (await as(t.app, auth).get(`/api/intervision/groups/${g.id}/calendar.ics`)).text;
    expect(sequenceOf(ics, held.id)).toBe(0);
    await patch(`/api/intervision/sessions/${held.id}`, { startsOn: '2024-10-17' }).expect(200);
    const moved = await calendarText();
    expect(sequenceOf(moved, held.id)).toBe(1);
    expect(moved).toContain('DTSTART;TZID=Europe/Brussels:20241017T133000');
    await patch(`/api/intervision/groups/${g.id}`, { startTime: '14:00' }).expect(200);
    expect(sequenceOf(await calendarText(), held.id)).toBe(2);
    expect(sequenceOf(await calendarText(), off.id)).toBe(2); // cancelled (1), then the group's hours (1)
  });
});

describe('fees to be paid', () => {
  it('lists the unpaid fees of a cycle with their total; a payment or a withdrawal takes one off', async () => {
    const cycle = (
      await post('/api/intervision/cycles', {
        name: '2031-2032',
        startsOn: '2031-09-01',
        endsOn: '2032-08-31',
        memberFee: '100',
      })
    ).body;
    const g = (
      await post('/api/intervision/groups', {
        cycleId: cycle.id,
        name: 'Payeurs',
        kind: 'intersectoral',
        language: 'fr',
        weekday: 2,
        startTime: '09:00',
        endTime: '12:00',
        facilitatorIds: [],
      })
    ).body;
    const orgs = await Promise.all(
      ['P1', 'P2', 'P3'].map(
        async (n) => (await post('/api/organisations', { nameFr: `Payeur ${n}` })).body.id as string,
      ),
    );
    await post('/api/members', { organisationId: orgs[0], startsOn: '2031-01-01' }).expect(201);
    const regs = [];
    for (const org of orgs) {
      regs.push(
        (
          await post('/api/intervision/registrations', {
            groupId: g.id,
            personId: await person('P', org),
            organisationId: org,
            registeredOn: '2031-09-15',
          })
        ).body,
      );
    }
    const unpaid = async () =>
      (await as(t.app, auth).get('/api/intervision/registrations', { cycleId: cycle.id, unpaid: true })).body;
    expect(await unpaid()).toMatchObject({ totalFees: '400.00' });
    await patch(`/api/intervision/registrations/${regs[0].id}`, {
      payment: { paidOn: '2031-10-01', method: 'transfer', reference: 'VIR-1' },
    }).expect(200);
    // The audit log says a payment was recorded, not its reference.
    const trail = await as(t.app, (await signedIn(t.app, { role: 'admin' })).auth).get('/api/audit', {
      resourceType: 'intervision_registration',
      resourceId: regs[0].id,
      action: 'update',
    });
    expect(trail.body.items.map((e: { details: unknown }) => e.details)).toEqual([{ fields: ['payment'] }]);
    await patch(`/api/intervision/registrations/${regs[1].id}`, { withdrawnOn: '2031-10-02' }).expect(200);
    const left = await unpaid();
    expect(left.items.map((r: { organisation: { nameFr: string } }) => r.organisation.nameFr)).toEqual([
      'Payeur P3',
    ]);
    expect(left.totalFees).toBe('150.00');
  });
});

describe('who reaches intervision', () => {
  it('Connect workers read, other poles do not, and only coordinators register', async () => {
    const connectWorker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth;
    expect((await as(t.app, connectWorker).get('/api/intervision/cycles')).status).toBe(200);
    expect(
      (
        await post(
          '/api/intervision/cycles',
          { name: 'X', startsOn: '2030-01-01', endsOn: '2030-12-31' },
          connectWorker,
        )
      ).status,
    ).toBe(403);
    const supportCoordinator = (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth;
    expect((await as(t.app, supportCoordinator).get('/api/intervision/cycles')).status).toBe(403);
  });
});
