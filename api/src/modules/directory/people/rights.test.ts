import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../../test/helpers/intervision.js';

/** A person's rights (issue 14): the art. 15 export and the art. 17 erasure, on both engines. */
let t: TestApp;
let admin: ReturnType<typeof as>;
let adminAuth: string;
let coordinator: ReturnType<typeof as>;
let orgId: string;
let made = 0;

const REASON = 'Remplacement de la coordinatrice Connect en congé';

/** A fictional participant registered in a group of a cycle that ends on `endsOn`. */
async function participant(lastName: string, endsOn: string) {
  const id = (await admin.post('/api/people', { firstName: 'Ines', lastName }).expect(201)).body.id as string;
  const startsOn = `${Number(endsOn.slice(0, 4)) - 1}-09-01`;
  const cycle = await newCycle(coordinator, { name: `Cycle ${lastName}`, startsOn, endsOn });
  const groupId = (await newGroup(coordinator, cycle.id, `Groupe ${lastName}`)).id;
  const registrationId = (
    await coordinator
      .post('/api/intervision/registrations', {
        groupId,
        personId: id,
        organisationId: orgId,
        registeredOn: startsOn,
      })
      .expect(201)
  ).body.id as string;
  return { id, groupId, registrationId };
}

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.superuser.execute(query)) as unknown as { rows: T[] }).rows;

/** A fictional member with an affiliation, a membership note, dues of `dueYear` and a meeting. */
async function member(firstName: string, lastName: string, dueYear: number) {
  const res = await admin.post('/api/people', {
    firstName,
    lastName,
    email: `person${++made}@example.test`,
    notes: `Préfère être appelée ${firstName}`,
    affiliations: [{ organisationId: orgId, function: `Coordinatrice ${lastName}` }],
  });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  await t.superuser.execute(sql`
    insert into memberships (person_id, starts_on, notes) values (${id}, '2015-01-01', ${`Parrainée par ${lastName}`})`);
  await t.superuser.execute(sql`
    insert into dues (year, person_id, amount_due, paid_on, paid_amount, payment_method, payment_reference)
    values (${dueYear}, ${id}, '50.00', ${`${dueYear}-03-01`}, '50.00', 'transfer', ${`COTIS ${lastName.toUpperCase()}`})`);
  const [meeting] = await rows<{ id: string }>(sql`
    insert into representation_meetings (held_on, body, topic, notes)
    values ('2016-05-10', 'Plateforme fictive', 'Logement', ${`${firstName} ${lastName} a présenté le projet; Jan Fictief aussi.`})
    returning id`);
  await t.superuser.execute(
    sql`insert into representation_meeting_attendees (meeting_id, person_id) values (${meeting!.id}, ${id})`,
  );
  return { id, meetingId: meeting!.id };
}

beforeAll(async () => {
  t = await createTestApp();
  adminAuth = (await signedIn(t.app, { role: 'admin' })).auth;
  admin = as(t.app, adminAuth);
  coordinator = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  orgId = (await admin.post('/api/organisations', { nameFr: 'Asbl Fictive du Canal' })).body.id;
  // Two sign-ins with a second factor and a migrated database: slow on a loaded machine.
}, 240_000);
afterAll(() => t.close());

describe('art. 17: erasing a person', () => {
  it('blanks what identifies them everywhere while every row, and so every count, stays', async () => {
    const { id, meetingId } = await member('Odette', 'Fictivelaan', 2010);
    const count = (table: string) =>
      rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`).then((r) => r[0]!.n);
    const before = await Promise.all(
      ['people', 'affiliations', 'memberships', 'dues', 'representation_meeting_attendees'].map(count),
    );

    const res = await admin.post(`/api/people/${id}/erasure`, {});
    expect(res.status).toBe(200);
    expect(res.body.blanked).toEqual(
      expect.arrayContaining([
        { kind: 'person', name: 'people', count: 1 },
        { kind: 'affiliation', name: 'affiliations', count: 1 },
        { kind: 'membership', name: 'memberships', count: 1 },
        { kind: 'due', name: 'dues', count: 1 },
        { kind: 'representation_meeting', name: 'meetingNotes', count: 1 },
      ]),
    );

    const after = await Promise.all(
      ['people', 'affiliations', 'memberships', 'dues', 'representation_meeting_attendees'].map(count),
    );
    expect(after).toEqual(before);

    const person = await admin.get(`/api/people/${id}`);
    expect(person.body).toMatchObject({ firstName: '', lastName: '', email: null, notes: null });
    expect(person.body.erasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(person.body.affiliations[0].function).toBeNull();
    const search = await admin.get('/api/people', { q: 'Fictivelaan' });
    expect(search.body.items).toEqual([]);
    const [meeting] = await rows<{ notes: string }>(
      sql`select notes from representation_meetings where id = ${meetingId}`,
    );
    // The others named in the notes stay; the erased person's names are gone.
    expect(meeting!.notes).toBe('[…] […] a présenté le projet; Jan Fictief aussi.');
    const left = await rows<{ n: number }>(sql`
      select (select count(*) from memberships where person_id = ${id} and notes is not null)
           + (select count(*) from dues where person_id = ${id} and payment_reference is not null) as n`);
    expect(Number(left[0]!.n)).toBe(0);

    // An edit kept from before (another device's draft) cannot bring a name back.
    const edit = await admin.patch(`/api/people/${id}`, { lastName: 'Fictivelaan' });
    expect(edit.status).toBe(409);
    expect(edit.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'erased' })]);
    expect((await admin.get(`/api/people/${id}`)).body.lastName).toBe('');
    // Nor tie them to an organisation again.
    const tie = await admin.post(`/api/people/${id}/affiliations`, { organisationId: orgId });
    expect(tie.status).toBe(409);
    expect(tie.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'erased' })]);
    expect((await admin.get(`/api/people/${id}`)).body.affiliations).toHaveLength(1);

    const audit = await admin.get('/api/audit', { action: 'erase', resourceId: id });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].details.blanked).toMatchObject({ people: 1, dues: 1 });
  });

  it("blanks a professional's names in the impasse and the intervention notes of their Support requests", async () => {
    const { id } = await member('Gisèle', 'Aidante', 2016);
    const support = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Paul Paire' });
    const other = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Rita Paire' });
    const worker = as(t.app, support.auth);
    const request = (
      await worker
        .post('/api/support/requests', {
          receivedAt: '2026-02-02T10:00:00Z',
          channel: 'phone',
          requester: { kind: 'professional', personId: id, organisationId: orgId },
          person: { initials: 'X.W.', gender: 'female', ageBand: '41_60' },
          impasse: 'Gisèle Aidante ne sait plus comment aider Madame W.',
        })
        .expect(201)
    ).body;
    await worker
      .post(`/api/support/requests/${request.id}/interventions`, {
        heldOn: '2026-02-05',
        workerIds: [support.user.id, other.user.id],
        place: 'requester_service',
        notes: 'Rencontre avec Aidante et Madame W. au service.',
      })
      .expect(201);
    const res = await admin.post(`/api/people/${id}/erasure`, {}).expect(200);
    expect(res.body.blanked).toEqual(
      expect.arrayContaining([
        { kind: 'support_request', name: 'supportImpasse', count: 1 },
        { kind: 'support_request', name: 'supportInterventionNotes', count: 1 },
      ]),
    );
    const after = (await worker.get(`/api/support/requests/${request.id}`).expect(200)).body;
    expect(after.impasse).toBe('[…] […] ne sait plus comment aider Madame W.');
    expect(after.interventions[0].notes).toBe('Rencontre avec […] et Madame W. au service.');
  });

  it('is refused under the accounting hold, naming it and until when, and nothing changes', async () => {
    const year = new Date().getFullYear() - 1;
    const { id } = await member('Ghislaine', 'Boekhouding', year);
    const res = await admin.post(`/api/people/${id}/erasure`, {});
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'id',
        code: 'legalHold',
        params: { kind: 'due', hold: 'accounting', until: `${year + 7}-12-31` },
      }),
    ]);
    expect((await admin.get(`/api/people/${id}`)).body).toMatchObject({
      lastName: 'Boekhouding',
      erasedOn: null,
    });
  });

  it("is refused while a funder's justification period holds an intervision registration, with the clear reason", async () => {
    const year = new Date().getFullYear() + 1;
    const { id } = await participant('Subsidiée', `${year}-06-30`);
    const res = await admin.post(`/api/people/${id}/erasure`, {});
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'id',
        code: 'legalHold',
        params: { kind: 'intervision_registration', hold: 'funder_justification', until: `${year}-12-31` },
      }),
    ]);
    expect((await admin.get(`/api/people/${id}`)).body).toMatchObject({
      lastName: 'Subsidiée',
      erasedOn: null,
    });
    // Once the cycle's year is over the hold ends: a cycle of last year holds nothing.
    const past = await participant('Justifiée', `${new Date().getFullYear() - 1}-06-30`);
    expect((await admin.post(`/api/people/${past.id}/erasure`, {})).status).toBe(200);
  });

  it('is for administrators only', async () => {
    const { id } = await member('Rosine', 'Refusée', 2009);
    expect((await coordinator.post(`/api/people/${id}/erasure`, {})).status).toBe(403);
    expect((await admin.get(`/api/people/${id}`)).body.lastName).toBe('Refusée');
  });
});

describe('art. 15: exporting what is held about a person', () => {
  it("gathers every module's rows and the audit of changes to them, and is audited", async () => {
    const { id, meetingId } = await member('Bérénice', 'Exportée', 2012);
    await admin.patch(`/api/people/${id}`, { phone: '+32 2 000 00 00' });
    // A colleague read the person's record for a follow-up (the access log: ids and purpose).
    const [reader] = await rows<{ id: string }>(sql`select gen_random_uuid()::text as id`);
    await t.superuser.execute(sql`
      insert into access_log (user_id, role, kind, record_ids, purpose)
      values (${reader!.id}, 'coordinator', 'person', array[${id}]::text[], 'follow_up')`);
    const res = await admin.get(`/api/people/${id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`person-${id}.json`);
    const byName = Object.fromEntries(
      (res.body.records as { name: string; rows: Record<string, unknown>[] }[]).map((r) => [r.name, r.rows]),
    );
    expect(byName.person![0]).toMatchObject({ id, first_name: 'Bérénice', last_name: 'Exportée' });
    expect(byName.affiliations![0]).toMatchObject({ function: 'Coordinatrice Exportée' });
    expect(byName.memberships![0]).toMatchObject({ notes: 'Parrainée par Exportée' });
    expect(byName.dues![0]).toMatchObject({ year: 2012, payment_reference: 'COTIS EXPORTÉE' });
    expect(byName.meetingsAttended![0]).toMatchObject({ id: meetingId });
    const changes = res.body.changes as { action: string; resourceId: string }[];
    expect(changes.filter((c) => c.resourceId === id).map((c) => c.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
    expect(res.body.seenBy).toEqual([
      expect.objectContaining({ userId: reader!.id, kind: 'person', recordId: id, purpose: 'follow_up' }),
    ]);

    const audit = await admin.get('/api/audit', { action: 'export', resourceId: id });
    expect(audit.body.items).toHaveLength(1);
  });

  it('lists who has seen the records, from real reads: a follow-up and a glass broken, with its reason', async () => {
    const { id, groupId, registrationId } = await participant('Regardée', '2031-06-30');
    // A colleague of the pole opens the person's record; another pole's coordinator breaks the glass.
    await coordinator.get(`/api/people/${id}`).expect(200);
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    await as(t.app, support.auth, { purpose: 'break_glass' })
      .get(`/api/intervision/groups/${groupId}`)
      .set('x-break-glass-reason', encodeURIComponent(REASON))
      .expect(200);
    const res = await as(t.app, adminAuth, { purpose: 'data_subject_request' })
      .get(`/api/people/${id}/export`)
      .expect(200);
    expect(res.body.seenBy).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'person', recordId: id, purpose: 'follow_up', flagged: false }),
        expect.objectContaining({
          userId: support.user.id,
          kind: 'intervision_registration',
          recordId: registrationId,
          purpose: 'break_glass',
          reason: REASON,
          flagged: true,
        }),
      ]),
    );
  });

  it('is a read with a purpose: refused without one, logged with the data-subject request', async () => {
    const { id } = await member('Amélie', 'Demandée', 2013);
    const none = await as(t.app, adminAuth, { purpose: null }).get(`/api/people/${id}/export`).expect(400);
    expect(none.body).toMatchObject({ code: 'PURPOSE_REQUIRED', errors: [{ field: 'x-purpose' }] });
    await as(t.app, adminAuth, { purpose: 'data_subject_request' })
      .get(`/api/people/${id}/export`)
      .expect(200);
    const log = await admin.get('/api/access-log', { kind: 'person', recordId: id }).expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        kind: 'person',
        recordIds: [id],
        purpose: 'data_subject_request',
        flagged: false,
      }),
    ]);
  });

  it("of a professional who asked Support for help: their own requests' facts only, and those reads logged", async () => {
    const { id } = await member('Odile', 'Demandeuse', 2014);
    const support = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
    const request = (
      await support
        .post('/api/support/requests', {
          receivedAt: '2026-02-02T10:00:00Z',
          channel: 'email',
          requester: { kind: 'professional', personId: id, organisationId: orgId },
          person: { initials: 'Z.Y.', gender: 'male', ageBand: '26_40', housing: 'street' },
          impasse: 'Monsieur Fictif dort sous le pont et refuse le centre.',
        })
        .expect(201)
    ).body;
    const res = await as(t.app, adminAuth, { purpose: 'data_subject_request' })
      .get(`/api/people/${id}/export`)
      .expect(200);
    const made = (res.body.records as { name: string; rows: Record<string, unknown>[] }[]).find(
      (r) => r.name === 'supportRequests',
    );
    expect(made?.rows).toEqual([
      {
        id: request.id,
        code: request.code,
        received_at: expect.stringMatching(/^2026-02-02T10:00:00/),
        channel: 'email',
        requester_organisation_id: orgId,
        status: 'new',
        closed_on: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('pont');
    expect(JSON.stringify(res.body)).not.toContain(request.person.id);
    const log = await admin.get('/api/access-log', { kind: 'support_request', recordId: request.id });
    expect(log.body.items).toEqual([
      expect.objectContaining({ recordIds: [request.id], purpose: 'data_subject_request' }),
    ]);
  });

  it('is for administrators only', async () => {
    const { id } = await member('Clémence', 'Privée', 2011);
    expect((await coordinator.get(`/api/people/${id}/export`)).status).toBe(403);
  });
});
