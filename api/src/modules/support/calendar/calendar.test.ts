import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';

/**
 * A Support worker's calendar: the interventions they went to as one of the pair, as an .ics
 * Outlook or Google Calendar imports, naming the person's code, the kind of place and the
 * requester's organisation, never the impasse or the notes.
 */
let t: TestApp;
let me: Awaited<ReturnType<typeof signedIn>>;
let mine: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let interventionId: string;
let supervisionSessionId: string;
let request: { id: string; person: { id: string; code: string } };

beforeAll(async () => {
  t = await createTestApp();
  me = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Lien Exemple' });
  mine = as(t.app, me.auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  const partner = (await signedIn(t.app, { role: 'worker', poles: ['support'] })).user.id;
  const others = [
    (await signedIn(t.app, { role: 'worker', poles: ['support'] })).user.id,
    (await signedIn(t.app, { role: 'worker', poles: ['support'] })).user.id,
  ];
  const org = (await mine.post('/api/organisations', { nameFr: 'CPAS, Exemple; Nord' }).expect(201)).body.id;
  const worker = (
    await mine
      .post('/api/people', {
        firstName: 'Marthe',
        lastName: 'Exemplaire',
        affiliations: [{ organisationId: org }],
      })
      .expect(201)
  ).body.id;
  const take = async () =>
    (
      await mine
        .post('/api/support/requests', {
          receivedAt: '2026-03-02T09:15:00Z',
          channel: 'phone',
          requester: { kind: 'professional', personId: worker, organisationId: org },
          person: { initials: 'A.B.' },
          impasse: 'Madame refuse toute aide et dort dans le hall.',
        })
        .expect(201)
    ).body;
  request = await take();
  const held = await mine
    .post(`/api/support/requests/${request.id}/interventions`, {
      heldOn: '2026-03-05',
      workerIds: [me.user.id, partner],
      place: 'place_of_life',
      notes: 'Visite chez Madame, très tendue.',
    })
    .expect(201);
  interventionId = held.body.interventions[0].id;
  // A supervision session the worker leads with the same partner: the calendar's second source.
  const supervision = (
    await mine
      .post('/api/support/supervisions', {
        organisationId: org,
        team: 'Équipe de rue',
        startsOn: '2026-01-01',
      })
      .expect(201)
  ).body.id;
  supervisionSessionId = (
    await mine
      .post(`/api/support/supervisions/${supervision}/sessions`, {
        workerIds: [me.user.id, partner],
        startsOn: '2026-03-10',
      })
      .expect(201)
  ).body.id;
  // Someone else's pair: not in this worker's calendar.
  const other = await take();
  await mine
    .post(`/api/support/requests/${other.id}/interventions`, {
      heldOn: '2026-03-06',
      workerIds: others,
      place: 'street',
    })
    .expect(201);
});
afterAll(() => t.close());

const download = (auth: string, purpose: string | null = 'follow_up') => {
  const req = supertest(t.app.server).get('/api/support/calendar.ics').set('authorization', auth);
  return purpose ? req.set('x-purpose', purpose) : req;
};

describe("a Support worker's calendar", () => {
  it('lists their interventions with a stable UID and no free text, and logs who it names', async () => {
    const res = await download(me.auth).expect(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`UID:${supervisionSessionId}@smes-support-supervision\r\n`);
    expect(ics).toContain('SUMMARY:Supervision Équipe de rue\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260310\r\n');
    expect(ics).toContain(`UID:${interventionId}@smes-support-intervention\r\n`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260305\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20260306\r\n');
    expect(ics).toContain(`SUMMARY:Intervention ${request.person.code}\r\n`);
    expect(ics).toContain('LOCATION:Lieu de vie\r\n');
    // The organisation's name escaped as the RFC asks.
    expect(ics).toContain('DESCRIPTION:Demandeur : CPAS\\, Exemple\\; Nord\r\n');
    for (const secret of ['refuse toute aide', 'tendue', 'A.B.', 'Marthe', 'Exemplaire'])
      expect(ics).not.toContain(secret);
    // Downloaded again: the same event, so a calendar updates it instead of doubling it.
    expect((await download(me.auth).expect(200)).text.match(/UID:.*/g)).toEqual(ics.match(/UID:.*/g));
    // A read of the request and its person concerned, logged with the purpose.
    for (const [kind, id] of [
      ['support_request', request.id],
      ['support_person', request.person.id],
    ]) {
      const log = (await admin.get('/api/access-log', { kind, recordId: id }).expect(200)).body.items;
      expect(log).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: me.user.id, kind, purpose: 'follow_up' })]),
      );
    }
  });

  it('needs a purpose, and is not for another pole nor anyone signed out', async () => {
    const bare = await download(me.auth, null);
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('PURPOSE_REQUIRED');
    for (const who of [
      { role: 'worker', poles: ['connect'] },
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['housing_first'] },
    ] as const) {
      const other = await signedIn(t.app, { role: who.role, poles: [...who.poles] });
      const res = await download(other.auth);
      expect(res.status, JSON.stringify(who)).toBe(403);
      expect(res.text).not.toContain('VEVENT');
    }
    expect((await supertest(t.app.server).get('/api/support/calendar.ics')).status).toBe(401);
  });
});
