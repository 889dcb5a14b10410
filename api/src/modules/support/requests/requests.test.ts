import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportDueOn } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';
import { SYSTEM } from '../../../db/client.js';
import { runRetentionPolicy } from '../../platform/retention/service.js';
import { supportRetention } from './retention.js';

/**
 * Support's requests (issue 15): taken on one screen, answered within a week in Brussels,
 * discussed in team, an intervention by a pair, closed and reopened, all audited; only the
 * Support pole sees them, each read of a request or a person concerned logged with its purpose.
 */
let t: TestApp;
let worker: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let pair: [string, string];
let cpasWorker: string;
let cpas: string;
let generalSocial: string;
let housing: string;

beforeAll(async () => {
  t = await createTestApp();
  const me = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Lien Support' });
  worker = as(t.app, me.auth);
  const other = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Karim Support' });
  pair = [me.user.id, other.user.id];
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  generalSocial = await refId(t.app, me.auth, 'sector', 'general_social');
  housing = await refId(t.app, me.auth, 'sector', 'housing');
  cpas = (
    await worker
      .post('/api/organisations', { nameFr: 'CPAS Exemple', sectorIds: [generalSocial] })
      .expect(201)
  ).body.id;
  cpasWorker = (
    await worker
      .post('/api/people', {
        firstName: 'Marthe',
        lastName: 'Exemplaire',
        affiliations: [{ organisationId: cpas }],
      })
      .expect(201)
  ).body.id;
});
afterAll(() => t.close());

const fromCpas = (extra: Record<string, unknown> = {}) => ({
  receivedAt: '2026-03-02T09:15:00Z',
  channel: 'phone',
  requester: { kind: 'professional', personId: cpasWorker, organisationId: cpas },
  person: { initials: 'A.B.', gender: 'female', ageBand: '41_60', housing: 'street' },
  impasse: 'Madame refuse toute aide et dort dans le hall.',
  ...extra,
});

/** A request from the CPAS (`fromCpas(extra)`), as its 201 answers it. */
const newRequest = async (extra: Record<string, unknown> = {}) =>
  (await worker.post('/api/support/requests', fromCpas(extra)).expect(201)).body;

/** An intervention by the pair in the street on 5 March 2026 (unless `body` says otherwise): the request answered. */
const intervene = async (id: string, body: Record<string, unknown> = {}) =>
  (
    await worker
      .post(`/api/support/requests/${id}/interventions`, {
        heldOn: '2026-03-05',
        workerIds: pair,
        place: 'street',
        ...body,
      })
      .expect(201)
  ).body;

/** The access log of a request and of its person concerned: `[kind, id, entries]` for each. */
const accessLogs = async (r: { id: string; person: { id: string } }) => {
  const logs: [string, string, Record<string, unknown>[]][] = [];
  for (const [kind, id] of [
    ['support_request', r.id],
    ['support_person', r.person.id],
  ] as const) {
    logs.push([
      kind,
      id,
      (await admin.get('/api/access-log', { kind, recordId: id }).expect(200)).body.items,
    ]);
  }
  return logs;
};

const auditOf = async (id: string) =>
  (await admin.get('/api/audit', { resourceType: 'support_request', resourceId: id }).expect(200)).body
    .items as {
    action: string;
    details: Record<string, unknown> | null;
  }[];

describe('a request, from the phone call to its closing', () => {
  it('is taken, shown on the due board, discussed, answered, followed by a pair, closed and reopened', async () => {
    const created = await worker.post('/api/support/requests', fromCpas()).expect(201);
    const r = created.body;
    expect(r).toMatchObject({
      status: 'new',
      channel: 'phone',
      dueOn: '2026-03-09',
      requester: {
        kind: 'professional',
        person: { id: cpasWorker, lastName: 'Exemplaire' },
        organisation: { id: cpas, nameFr: 'CPAS Exemple' },
        sectorIds: [generalSocial],
        name: null,
      },
      person: { initials: 'A.B.', gender: 'female', requests: 1 },
      firstAnswer: null,
      answeredInTime: null,
    });
    expect(r.code).toMatch(/^S-[A-Z2-9]{6}$/);
    expect(r.person.code).toMatch(/^P-[A-Z2-9]{6}$/);
    expect(created.headers.etag).toBe(`"v${r.version}"`);

    // The board: due in the coming week on the day it came, due today a week later, then overdue.
    const board = async (on: string) => (await worker.get('/api/support/board', { on }).expect(200)).body;
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    expect(ids((await board('2026-03-02')).thisWeek)).toContain(r.id);
    expect(ids((await board('2026-03-09')).today)).toContain(r.id);
    const late = await board('2026-03-10');
    expect(ids(late.overdue)).toContain(r.id);
    // Lists show codes, never the impasse or the requester's name.
    const listed = late.overdue.find((i: { id: string }) => i.id === r.id);
    expect(listed).toMatchObject({ code: r.code, personCode: r.person.code, requesterKind: 'professional' });
    expect(JSON.stringify(late)).not.toContain('hall');
    expect(JSON.stringify(late)).not.toContain('Exemplaire');
    const overdueList = await worker
      .get('/api/support/requests', { due: 'overdue', on: '2026-03-10' })
      .expect(200);
    expect(ids(overdueList.body.items)).toContain(r.id);

    const discussed = await worker
      .post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2026-03-05' })
      .expect(200);
    expect(discussed.body).toMatchObject({ status: 'discussed', discussedOn: '2026-03-05' });
    expect(discussed.body.version).toBeGreaterThan(r.version);

    const answered = await worker
      .post(`/api/support/requests/${r.id}/first-answer`, {
        answeredOn: '2026-03-06',
        byUserId: pair[0],
        how: 'phone',
      })
      .expect(200);
    expect(answered.body).toMatchObject({
      firstAnswer: { on: '2026-03-06', by: { id: pair[0], displayName: 'Lien Support' }, how: 'phone' },
      answeredInTime: true,
    });
    const afterAnswer = await board('2026-03-10');
    expect(ids(afterAnswer.overdue)).not.toContain(r.id);
    expect(ids(afterAnswer.answered)).toContain(r.id);
    // In one bucket only; answered stays on the board for the week of its first answer, then leaves it.
    const everywhere = (b: Record<string, { id: string }[]>) =>
      ['today', 'thisWeek', 'overdue', 'answered'].flatMap((k) => ids(b[k]!)).filter((id) => id === r.id);
    expect(everywhere(afterAnswer)).toHaveLength(1);
    expect(afterAnswer.answered.find((i: { id: string }) => i.id === r.id)).toMatchObject({
      receivedAt: r.receivedAt,
      dueOn: '2026-03-09',
      firstAnswerOn: '2026-03-06',
      answeredInTime: true,
    });
    expect(ids((await board('2026-03-12')).answered)).toContain(r.id);
    expect(everywhere(await board('2026-03-13'))).toHaveLength(0);

    const intervened = await worker
      .post(`/api/support/requests/${r.id}/interventions`, {
        heldOn: '2026-03-12',
        workerIds: pair,
        place: 'requester_service',
        durationMinutes: 90,
        notes: 'Rencontre au service avec la travailleuse sociale.',
      })
      .expect(201);
    expect(intervened.body.status).toBe('intervention');
    expect(intervened.body.interventions).toEqual([
      expect.objectContaining({
        heldOn: '2026-03-12',
        place: 'requester_service',
        durationMinutes: 90,
        workers: [
          { id: pair[0], displayName: 'Lien Support' },
          { id: pair[1], displayName: 'Karim Support' },
        ],
      }),
    ]);

    const closed = await worker
      .post(`/api/support/requests/${r.id}/close`, { closedOn: '2026-04-01', reason: 'unblocked' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-04-01', closeReason: 'unblocked' });
    // Closed: nothing more is recorded until it is reopened, explicitly.
    const refused = await worker
      .post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2026-04-02' })
      .expect(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'status', code: 'requestClosed' }),
    ]);
    const reopened = await worker.post(`/api/support/requests/${r.id}/reopen`, {}).expect(200);
    expect(reopened.body).toMatchObject({ status: 'intervention', closedOn: null, closeReason: null });
    const again = await worker.post(`/api/support/requests/${r.id}/reopen`, {}).expect(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'requestOpen' })]);

    const events = (await auditOf(r.id)).map((e) => e.details?.event ?? e.action);
    expect(events).toEqual(
      expect.arrayContaining(['create', 'discussed', 'firstAnswer', 'intervention', 'closed', 'reopened']),
    );
    const reopenEntry = (await auditOf(r.id)).find((e) => e.details?.event === 'reopened');
    expect(reopenEntry?.details).toMatchObject({ wasClosedOn: '2026-04-01', wasClosedFor: 'unblocked' });
  });

  it('is read with a purpose, and each read of it and its person concerned is logged', async () => {
    const r = await newRequest();
    const bare = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth, {
      purpose: null,
    });
    const refused = await bare.get(`/api/support/requests/${r.id}`).expect(400);
    expect(refused.body).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    const read = await worker.get(`/api/support/requests/${r.id}`).expect(200);
    expect(read.body.impasse).toBe('Madame refuse toute aide et dort dans le hall.');
    expect(read.headers.etag).toBe(`"v${r.version}"`);
    for (const [kind, id, log] of await accessLogs(r)) {
      expect(log).toEqual([expect.objectContaining({ kind, purpose: 'follow_up', recordIds: [id] })]);
    }
  });
});

describe('writing to a request answers it whole', () => {
  it('so each write needs a purpose and is logged, and a 412 shows no free text', async () => {
    const r = await newRequest();
    const bare = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth, {
      purpose: null,
    });
    for (const [path, body] of [
      ['discussion', { discussedOn: '2026-03-05' }],
      ['first-answer', { answeredOn: '2026-03-06', byUserId: pair[0], how: 'phone' }],
      ['close', { closedOn: '2026-03-07', reason: 'unblocked' }],
      ['reopen', {}],
      ['interventions', { heldOn: '2026-03-05', workerIds: pair, place: 'requester_service' }],
    ] as const) {
      const refused = await bare.post(`/api/support/requests/${r.id}/${path}`, body).expect(400);
      expect(refused.body).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    }
    const refusedPatch = await bare
      .patch(`/api/support/requests/${r.id}`, { channel: 'email' }, `"v${r.version}"`)
      .expect(400);
    expect(refusedPatch.body).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    const unchanged = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(unchanged).toMatchObject({ version: r.version, status: 'new', channel: 'phone' });

    await worker.post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2026-03-05' }).expect(200);
    for (const [kind, id, log] of await accessLogs(r)) {
      // The GET above and the discussion's answer.
      expect(log).toHaveLength(2);
      expect(log).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind, purpose: 'follow_up', recordIds: [id] })]),
      );
    }

    const stale = await worker
      .patch(`/api/support/requests/${r.id}`, { channel: 'email' }, `"v${r.version}"`)
      .expect(412);
    expect(stale.body.current).toMatchObject({ id: r.id, code: r.code, status: 'discussed' });
    expect(JSON.stringify(stale.body)).not.toContain('hall');
    expect(stale.body.current).not.toHaveProperty('impasse');
    // The 412 names the request and its person concerned: a read, logged as one.
    for (const [, , log] of await accessLogs(r)) {
      expect(log).toHaveLength(3);
    }
  });

  it('adding an intervention answers the request and logs that read (nothing read before)', async () => {
    const r = await newRequest();
    const added = await intervene(r.id, { place: 'requester_service' });
    expect(added).toMatchObject({ id: r.id });
    for (const [kind, id, log] of await accessLogs(r)) {
      expect(log).toEqual([expect.objectContaining({ kind, purpose: 'follow_up', recordIds: [id] })]);
    }
  });
});

describe('lists naming persons concerned', () => {
  it("log the persons they name, with the requests: the list, a person's requests and the board", async () => {
    const r = await newRequest({ receivedAt: '2025-11-03T09:00:00Z' });
    const personLog = async () =>
      (await admin.get('/api/access-log', { kind: 'support_person', recordId: r.person.id }).expect(200)).body
        .items as { recordIds: string[] }[];
    const listed = await worker.get('/api/support/requests', { personId: r.person.id }).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: r.id, personId: r.person.id, personCode: r.person.code }),
    ]);
    expect(await personLog()).toHaveLength(1);
    await worker.get('/api/support/board', { on: '2025-11-04' }).expect(200);
    expect(await personLog()).toHaveLength(2);
    await worker.get('/api/support/requests', { due: 'this_week', on: '2025-11-04' }).expect(200);
    const log = await personLog();
    expect(log).toHaveLength(3);
    for (const entry of log) expect(entry.recordIds).toContain(r.person.id);
  });
});

describe('two steps at once', () => {
  it('a close racing an intervention: one wins, the other is refused as closed; two closes: the second is refused', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await newRequest();
      const [closed, intervened] = await Promise.all([
        worker.post(`/api/support/requests/${r.id}/close`, { closedOn: '2026-03-04', reason: 'unblocked' }),
        worker.post(`/api/support/requests/${r.id}/interventions`, {
          heldOn: '2026-03-04',
          workerIds: pair,
          place: 'requester_service',
        }),
      ]);
      expect(closed.status).toBe(200);
      expect([201, 409]).toContain(intervened.status);
      if (intervened.status === 409)
        expect(intervened.body.errors).toEqual([expect.objectContaining({ code: 'requestClosed' })]);
      const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
      expect(now.status).toBe('closed');
      expect(now.interventions).toHaveLength(intervened.status === 201 ? 1 : 0);

      const s = await newRequest();
      const twice = await Promise.all(
        ['unblocked', 'referred'].map((reason) =>
          worker.post(`/api/support/requests/${s.id}/close`, { closedOn: '2026-03-04', reason }),
        ),
      );
      expect(twice.map((x) => x.status).sort()).toEqual([200, 409]);
      const refused = twice.find((x) => x.status === 409)!;
      expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'requestClosed' })]);
      const audit = (await auditOf(s.id)).filter((e) => e.details?.event === 'closed');
      expect(audit).toHaveLength(1);
    }
  });
});

describe('the first answer and the discussion', () => {
  it('a first answer is recorded once, and neither is dated after today in Brussels', async () => {
    const r = await newRequest();
    const answer = (answeredOn: string, by = pair[0]) =>
      worker.post(`/api/support/requests/${r.id}/first-answer`, { answeredOn, byUserId: by, how: 'phone' });
    const future = await answer('2099-01-04').expect(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'answeredOn', code: 'afterToday' }),
    ]);
    const later = await worker
      .post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2099-01-04' })
      .expect(400);
    expect(later.body.errors).toEqual([
      expect.objectContaining({ field: 'discussedOn', code: 'afterToday' }),
    ]);

    await answer('2026-03-03').expect(200);
    const again = await answer('2026-03-05', pair[1]).expect(409);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ field: 'answeredOn', code: 'alreadyAnswered' }),
    ]);
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now.firstAnswer).toMatchObject({ on: '2026-03-03', by: { id: pair[0] } });
    expect(now.discussedOn).toBeNull();
  });
});

describe('the database keeps a request whole', () => {
  it('refuses half a first answer, a closing day without closed status or reason, and a reason alone', async () => {
    const r = await newRequest();
    const refusedBy = async (set: ReturnType<typeof sql>, constraint: string) => {
      const error = await t.superuser
        .execute(sql`update support_requests set ${set} where id = ${r.id}`)
        .then(
          () => null,
          (e: unknown) => e as Error & { cause?: Error },
        );
      expect(`${error?.message} ${error?.cause?.message}`).toContain(constraint);
    };
    await refusedBy(sql`first_answer_on = '2026-03-03'`, 'support_requests_first_answer');
    await refusedBy(
      sql`first_answer_on = '2026-03-03', first_answer_how = 'phone'`,
      'support_requests_first_answer',
    );
    await refusedBy(sql`closed_on = '2026-03-03'`, 'support_requests_closed');
    await refusedBy(sql`closed_on = '2026-03-03', close_reason = 'unblocked'`, 'support_requests_closed');
    await refusedBy(sql`close_reason = 'unblocked'`, 'support_requests_closed');
    await refusedBy(sql`status = 'closed', closed_on = '2026-03-03'`, 'support_requests_closed');
    await t.superuser.execute(
      sql`update support_requests set status = 'closed', closed_on = '2026-03-03', close_reason = 'unblocked' where id = ${r.id}`,
    );
  });
});

describe('taking a request', () => {
  it("keeps the requester's sectors of that day, whatever the organisation becomes", async () => {
    const r = await newRequest();
    const org = (await worker.get(`/api/organisations/${cpas}`).expect(200)).body;
    await worker
      .patch(`/api/organisations/${cpas}`, { sectorIds: [housing] }, `"v${org.version}"`)
      .expect(200);
    const read = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(read.requester.sectorIds).toEqual([generalSocial]);
    await worker.patch(`/api/organisations/${cpas}`, { sectorIds: [generalSocial] }).expect(200);
  });

  it('from a relative: a name and a way to call back, no sector (counted apart)', async () => {
    const missing = await worker
      .post('/api/support/requests', fromCpas({ requester: { kind: 'relative', personId: cpasWorker } }))
      .expect(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'requester/personId', code: 'notAllowed' }),
        expect.objectContaining({ field: 'requester/name', code: 'required' }),
        expect.objectContaining({ field: 'requester/callBack', code: 'required' }),
      ]),
    );
    const r = await worker
      .post(
        '/api/support/requests',
        fromCpas({
          channel: 'email',
          requester: { kind: 'relative', name: 'Sa sœur', callBack: '0470 00 00 01' },
        }),
      )
      .expect(201);
    expect(r.body.requester).toEqual({
      kind: 'relative',
      person: null,
      organisation: null,
      sectorIds: [],
      name: 'Sa sœur',
      callBack: '0470 00 00 01',
    });
  });

  it('refuses, naming the field, a professional without directory records and a blank impasse', async () => {
    const res = await worker
      .post('/api/support/requests', fromCpas({ requester: { kind: 'professional', name: 'X' } }))
      .expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'requester/name', code: 'notAllowed' }),
        expect.objectContaining({ field: 'requester/personId', code: 'required' }),
        expect.objectContaining({ field: 'requester/organisationId', code: 'required' }),
      ]),
    );
    const blank = await worker.post('/api/support/requests', fromCpas({ impasse: '   ' })).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'impasse', code: 'required' })]);
  });

  it('sent again with the same client id makes one request', async () => {
    const id = randomUUID();
    const first = await worker.post('/api/support/requests', { ...fromCpas(), id }).expect(201);
    const again = await worker.post('/api/support/requests', { ...fromCpas(), id }).expect(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body).toEqual(first.body);
    const mine = await worker.get('/api/support/requests', { personId: first.body.person.id }).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('finds the person concerned again by code or initials, and a second request reuses them', async () => {
    const r = await newRequest({ person: { initials: 'Q.Z.', ageBand: 'over_60' } });
    const byInitials = (await worker.get('/api/support/persons', { q: 'qz' }).expect(200)).body;
    expect(byInitials.items.map((p: { id: string }) => p.id)).toEqual([r.person.id]);
    const byCode = (
      await worker.get('/api/support/persons', { q: r.person.code.slice(2).toLowerCase() }).expect(200)
    ).body;
    expect(byCode.items.map((p: { id: string }) => p.id)).toEqual([r.person.id]);
    const second = await worker
      .post('/api/support/requests', fromCpas({ person: { id: r.person.id } }))
      .expect(201);
    expect(second.body.person).toMatchObject({ id: r.person.id, initials: 'Q.Z.', requests: 2 });
    // The same professional's earlier requests are shown with the new one.
    expect(second.body.earlierRequests.map((e: { id: string }) => e.id)).not.toContain(second.body.id);
    const mixed = await worker
      .post('/api/support/requests', fromCpas({ person: { id: r.person.id, initials: 'Z.Z.' } }))
      .expect(400);
    expect(mixed.body.errors).toEqual([
      expect.objectContaining({ field: 'person/initials', code: 'notAllowed' }),
    ]);
  });
});

describe('the person concerned stays unnamed', () => {
  it('a search with nothing to look for is refused (not everyone), and initials cannot hold a name', async () => {
    await worker.post('/api/support/requests', fromCpas()).expect(201);
    for (const q of ['--', 'é.', '...']) {
      const res = await worker.get('/api/support/persons', { q }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    }
    for (const initials of ['Marie', 'Jean Dupont', 'A.B.C.D.E.']) {
      const res = await worker
        .post('/api/support/requests', fromCpas({ person: { initials, gender: 'female', ageBand: '41_60' } }))
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'person/initials' })]);
    }
    for (const initials of ['A.B.', 'ÉL', 'j.-']) {
      const res = await worker.post(
        '/api/support/requests',
        fromCpas({ person: { initials, gender: 'female', ageBand: '41_60' } }),
      );
      expect(res.status).toBe(initials === 'j.-' ? 400 : 201);
    }
  });
});

describe('the one-week promise, in Brussels', () => {
  it.each([
    // The night of the spring change: 23:30 UTC is already the 29th in Brussels.
    ['2026-03-28T23:30:00Z', '2026-04-05'],
    ['2026-03-29T00:30:00Z', '2026-04-05'],
    // The autumn change: 22:30 UTC is midnight and a half on the 25th (summer time).
    ['2026-10-24T22:30:00Z', '2026-11-01'],
    ['2026-10-24T21:30:00Z', '2026-10-31'],
    // Month and year ends.
    ['2026-01-31T23:30:00Z', '2026-02-08'],
    ['2026-02-28T12:00:00Z', '2026-03-07'],
    ['2028-02-24T10:00:00Z', '2028-03-02'],
    ['2026-12-31T23:30:00Z', '2027-01-08'],
    ['2026-12-31T22:59:59Z', '2027-01-07'],
  ])('received %s: due %s', (receivedAt, due) => {
    expect(supportDueOn(new Date(receivedAt))).toBe(due);
  });

  it('moves with a corrected received date, and the correction is audited', async () => {
    const r = await newRequest({ receivedAt: '2026-10-24T21:30:00Z' });
    expect(r.dueOn).toBe('2026-10-31');
    const stale = await worker.patch(
      `/api/support/requests/${r.id}`,
      { receivedAt: '2026-10-24T22:30:00Z' },
      '"v0"',
    );
    expect(stale.status).toBe(412);
    const fixed = await worker
      .patch(`/api/support/requests/${r.id}`, { receivedAt: '2026-10-24T22:30:00Z' }, `"v${r.version}"`)
      .expect(200);
    expect(fixed.body).toMatchObject({ dueOn: '2026-11-01', receivedAt: '2026-10-24T22:30:00.000Z' });
    const entry = (await auditOf(r.id)).find((e) => e.action === 'update');
    expect(entry?.details).toMatchObject({
      fields: ['receivedAt'],
      dueOn: { from: '2026-10-31', to: '2026-11-01' },
    });
    // A first answer before the day it came is refused.
    const early = await worker
      .post(`/api/support/requests/${r.id}/first-answer`, {
        answeredOn: '2026-10-24',
        byUserId: pair[0],
        how: 'email',
      })
      .expect(400);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ field: 'answeredOn', code: 'beforeReceived' }),
    ]);
    const late = await worker
      .post(`/api/support/requests/${r.id}/first-answer`, {
        answeredOn: '2026-11-02',
        byUserId: pair[1],
        how: 'email',
      })
      .expect(200);
    expect(late.body.answeredInTime).toBe(false);
  });
});

describe('correcting a request', () => {
  it('audits the fields whose value changed, not those merely sent, and never their values', async () => {
    const r = await newRequest();
    const updates = async () =>
      (await auditOf(r.id)).filter((e) => e.action === 'update').map((e) => e.details?.fields);
    const sent = fromCpas({
      channel: 'email',
      impasse: 'Madame accepte un premier rendez-vous.',
      person: { initials: 'A.B.', gender: 'female', ageBand: 'over_60' },
      referralOrganisationIds: [cpas],
    });
    const fixed = await worker.patch(`/api/support/requests/${r.id}`, sent, `"v${r.version}"`).expect(200);
    expect(fixed.body).toMatchObject({ channel: 'email', person: { ageBand: 'over_60' } });
    expect(await updates()).toEqual([['channel', 'impasse', 'person', 'referralOrganisationIds']]);
    const entry = (await auditOf(r.id)).find((e) => e.action === 'update');
    expect(entry?.details).toEqual({ fields: ['channel', 'impasse', 'person', 'referralOrganisationIds'] });
    expect(JSON.stringify(entry)).not.toContain('rendez-vous');

    // The same values sent again: the correction is audited, naming no field.
    const resent = await worker
      .patch(`/api/support/requests/${r.id}`, sent, `"v${fixed.body.version}"`)
      .expect(200);
    expect(await updates()).toContainEqual([]);
    // One field changed among those sent: only it is named.
    await worker
      .patch(
        `/api/support/requests/${r.id}`,
        { ...sent, requester: { kind: 'relative', name: 'Sa sœur', callBack: '0470 12 34 56' } },
        `"v${resent.body.version}"`,
      )
      .expect(200);
    expect(await updates()).toContainEqual(['requester']);
    expect(await updates()).toHaveLength(3);
  });

  it("keeps the professional's sectors of the day it came in, the same requester sent again", async () => {
    const r = await newRequest();
    const org = (await worker.get(`/api/organisations/${cpas}`).expect(200)).body;
    await worker
      .patch(`/api/organisations/${cpas}`, { sectorIds: [housing] }, `"v${org.version}"`)
      .expect(200);
    try {
      const fixed = await worker
        .patch(`/api/support/requests/${r.id}`, fromCpas({ channel: 'email' }), `"v${r.version}"`)
        .expect(200);
      expect(fixed.body.requester.sectorIds).toEqual([generalSocial]);
      const [update] = (await auditOf(r.id)).filter((e) => e.action === 'update');
      expect(update?.details).toEqual({ fields: ['channel'] });
    } finally {
      await worker.patch(`/api/organisations/${cpas}`, { sectorIds: [generalSocial] }).expect(200);
    }
  });
});

describe('interventions', () => {
  it('are by a pair of two different Support workers', async () => {
    const r = await newRequest();
    const connectWorker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).user.id;
    const body = { heldOn: '2026-03-03', place: 'street' };
    const outsider = await worker
      .post(`/api/support/requests/${r.id}/interventions`, { ...body, workerIds: [pair[0], connectWorker] })
      .expect(400);
    expect(outsider.body.errors).toEqual([
      expect.objectContaining({ field: 'workerIds/1', code: 'notSupportStaff' }),
    ]);
    const alone = await worker
      .post(`/api/support/requests/${r.id}/interventions`, { ...body, workerIds: [pair[0], pair[0]] })
      .expect(400);
    expect(alone.body.errors).toEqual([expect.objectContaining({ field: 'workerIds/1', code: 'invalid' })]);
    const read = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(read).toMatchObject({ status: 'new', interventions: [] });
  });
});

describe('correcting an intervention', () => {
  it('changes its day, pair, place, duration and notes on the request, versioned and audited without the notes', async () => {
    const third = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Inès Support' });
    const r = await newRequest();
    const added = await intervene(r.id, { durationMinutes: 30, notes: 'Rencontrée devant la gare.' });
    const [intervention] = added.interventions;
    const path = `/api/support/requests/${r.id}/interventions/${intervention.id}`;
    const fixed = await worker
      .patch(
        path,
        {
          heldOn: '2026-03-04',
          workerIds: [pair[0], third.user.id],
          place: 'phone_or_video',
          durationMinutes: 45,
          notes: 'Appel vidéo avec le CPAS.',
        },
        `"v${added.version}"`,
      )
      .expect(200);
    expect(fixed.body.version).toBeGreaterThan(added.version);
    expect(fixed.body.status).toBe('intervention');
    expect(fixed.body.interventions).toEqual([
      {
        id: intervention.id,
        heldOn: '2026-03-04',
        workers: [
          { id: pair[0], displayName: 'Lien Support' },
          { id: third.user.id, displayName: 'Inès Support' },
        ],
        place: 'phone_or_video',
        durationMinutes: 45,
        notes: 'Appel vidéo avec le CPAS.',
      },
    ]);
    const entry = (await auditOf(r.id)).find((e) => e.details?.event === 'interventionCorrected');
    expect(entry?.details).toEqual({
      event: 'interventionCorrected',
      interventionId: intervention.id,
      fields: ['durationMinutes', 'heldOn', 'notes', 'place', 'workerIds'],
    });
    expect(JSON.stringify(entry)).not.toContain('vidéo');

    // Fields sent unchanged are not named as changed.
    const resent = await worker
      .patch(
        path,
        {
          heldOn: '2026-03-04',
          workerIds: [pair[0], third.user.id],
          place: 'phone_or_video',
          durationMinutes: 60,
        },
        `"v${fixed.body.version}"`,
      )
      .expect(200);
    const resentEntries = (await auditOf(r.id)).filter((e) => e.details?.event === 'interventionCorrected');
    expect(resentEntries.map((e) => e.details?.fields)).toContainEqual(['durationMinutes']);

    // Blanking the duration and the notes.
    const blanked = await worker
      .patch(path, { durationMinutes: null, notes: '  ' }, `"v${resent.body.version}"`)
      .expect(200);
    expect(blanked.body.interventions[0]).toMatchObject({ durationMinutes: null, notes: null });
  });

  it('on a closed request is refused with 409 until it is reopened, like adding one', async () => {
    const r = await newRequest();
    const added = await intervene(r.id);
    const path = `/api/support/requests/${r.id}/interventions/${added.interventions[0].id}`;
    const closed = await worker
      .post(`/api/support/requests/${r.id}/close`, { closedOn: '2026-03-20', reason: 'unblocked' })
      .expect(200);
    const refused = await worker
      .patch(path, { place: 'phone_or_video' }, `"v${closed.body.version}"`)
      .expect(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'status', code: 'requestClosed' }),
    ]);
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now).toMatchObject({ status: 'closed', version: closed.body.version });
    expect(now.interventions[0]).toMatchObject({ place: 'street' });
    const reopened = await worker.post(`/api/support/requests/${r.id}/reopen`, {}).expect(200);
    await worker.patch(path, { place: 'phone_or_video' }, `"v${reopened.body.version}"`).expect(200);
  });

  it('keeps a colleague who has since left in the pair, but takes no one new who has left', async () => {
    const gone = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Noé Parti' });
    const alsoGone = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Ana Partie' });
    const r = await newRequest();
    const added = await intervene(r.id, { workerIds: [pair[0], gone.user.id] });
    for (const u of [gone, alsoGone])
      await admin.patch(`/api/users/${u.user.id}`, { disabled: true }).expect(200);
    const path = `/api/support/requests/${r.id}/interventions/${added.interventions[0].id}`;
    const fixed = await worker
      .patch(path, { workerIds: [pair[1], gone.user.id], place: 'requester_service' }, `"v${added.version}"`)
      .expect(200);
    expect(fixed.body.interventions[0]).toMatchObject({
      place: 'requester_service',
      workers: [
        { id: pair[1], displayName: 'Karim Support' },
        { id: gone.user.id, displayName: 'Noé Parti' },
      ],
    });
    const refused = await worker
      .patch(path, { workerIds: [alsoGone.user.id, gone.user.id] }, `"v${fixed.body.version}"`)
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'workerIds/0', code: 'notSupportStaff' }),
    ]);
  });

  it('bounds a correction of the received date: not after an intervention held', async () => {
    const r = await newRequest();
    const added = await intervene(r.id);
    const refused = await worker
      .patch(`/api/support/requests/${r.id}`, { receivedAt: '2026-03-06T09:00:00Z' }, `"v${added.version}"`)
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'receivedAt', code: 'beforeReceived' }),
    ]);
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now).toMatchObject({ receivedAt: r.receivedAt, version: added.version });
    await worker
      .patch(`/api/support/requests/${r.id}`, { receivedAt: '2026-03-05T09:00:00Z' }, `"v${added.version}"`)
      .expect(200);
  });

  it('on a request changed meanwhile is refused with 412 showing no free text, and nothing changes', async () => {
    const r = await newRequest();
    const added = await intervene(r.id, { notes: 'Vue au parc.' });
    const path = `/api/support/requests/${r.id}/interventions/${added.interventions[0].id}`;
    await worker.post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2026-03-05' }).expect(200);
    const stale = await worker.patch(path, { place: 'requester_service' }, `"v${added.version}"`).expect(412);
    expect(stale.body.current).toMatchObject({ id: r.id, status: 'intervention' });
    expect(JSON.stringify(stale.body)).not.toContain('parc');
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now.interventions[0]).toMatchObject({ place: 'street', notes: 'Vue au parc.' });
  });

  it('keeps the rules of adding one, naming the field, and is found only on its own request', async () => {
    const r = await newRequest();
    const other = await newRequest();
    const added = await intervene(r.id);
    const interventionId = added.interventions[0].id;
    const path = `/api/support/requests/${r.id}/interventions/${interventionId}`;
    const v = `"v${added.version}"`;
    const connectWorker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).user.id;
    for (const [body, field, code] of [
      [{ heldOn: '2026-03-01' }, 'heldOn', 'beforeReceived'],
      [{ workerIds: [pair[0], pair[0]] }, 'workerIds/1', 'invalid'],
      [{ workerIds: [connectWorker, pair[1]] }, 'workerIds/0', 'notSupportStaff'],
    ] as const) {
      const refused = await worker.patch(path, body, v).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    await worker.patch(path, {}, v).expect(400);
    await worker
      .patch(
        `/api/support/requests/${other.id}/interventions/${interventionId}`,
        { place: 'phone_or_video' },
        `"v${other.version}"`,
      )
      .expect(404);
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now).toMatchObject({ version: added.version });
    expect(now.interventions[0]).toMatchObject({ heldOn: '2026-03-05', place: 'street' });
  });
});

describe('outside the Support pole', () => {
  it('a Connect or Housing First worker, a Connect coordinator, the board and the accountant get nothing', async () => {
    const r = await newRequest();
    const withIntervention = await intervene(r.id);
    for (const who of [
      { role: 'worker' as const, poles: ['connect' as const] },
      { role: 'worker' as const, poles: ['housing_first' as const] },
      { role: 'coordinator' as const, poles: ['connect' as const] },
      { role: 'accountant' as const },
      { role: 'board' as const },
    ]) {
      const other = as(t.app, (await signedIn(t.app, who)).auth);
      const label = JSON.stringify(who);
      for (const [i, res] of [
        await other.get('/api/support/requests'),
        await other.get('/api/support/board'),
        await other.get(`/api/support/requests/${r.id}`),
        await other.get('/api/support/persons', { q: r.person.code }),
        await other.post('/api/support/requests', fromCpas()),
        await other.patch(`/api/support/requests/${r.id}`, { channel: 'email' }),
        await other.post(`/api/support/requests/${r.id}/discussion`, { discussedOn: '2026-03-05' }),
        await other.post(`/api/support/requests/${r.id}/first-answer`, {
          answeredOn: '2026-03-05',
          byUserId: pair[0],
          how: 'phone',
        }),
        await other.post(`/api/support/requests/${r.id}/interventions`, {
          heldOn: '2026-03-05',
          workerIds: pair,
          place: 'street',
        }),
        await other.patch(
          `/api/support/requests/${r.id}/interventions/${withIntervention.interventions[0].id}`,
          { place: 'phone_or_video' },
          `"v${withIntervention.version}"`,
        ),
        await other.post(`/api/support/requests/${r.id}/close`, {
          closedOn: '2026-03-05',
          reason: 'withdrawn',
        }),
        await other.post(`/api/support/requests/${r.id}/reopen`, {}),
      ].entries()) {
        expect(res.status, `${label} call ${i}`).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(r.code);
      }
    }
    // Nothing of it changed.
    const now = (await worker.get(`/api/support/requests/${r.id}`).expect(200)).body;
    expect(now).toMatchObject({
      version: withIntervention.version,
      status: 'intervention',
      channel: 'phone',
    });
    expect(now.interventions[0]).toMatchObject({ place: 'street' });
  });
});

describe('retention, two years after closing', () => {
  it("blanks the free text and the requester's contact details, and keeps what the figures count", async () => {
    const take = async (closedOn: string | null) => {
      const r = await newRequest({
        receivedAt: '2023-01-10T10:00:00Z',
        requester: { kind: 'neighbour', name: 'Le voisin du dessus', callBack: '0470 22 22 22' },
        person: {
          initials: 'K.L.',
          gender: 'female',
          ageBand: '26_40',
          housing: 'street',
          language: 'nl',
        },
      });
      await intervene(r.id, { heldOn: '2023-01-12', place: 'place_of_life', notes: 'Visite à domicile.' });
      if (closedOn)
        await worker
          .post(`/api/support/requests/${r.id}/close`, { closedOn, reason: 'referred' })
          .expect(200);
      return r;
    };
    const old = await take('2024-04-30');
    const recent = await take('2024-05-02');
    const open = await take(null);
    const run = () =>
      t.app.database.acting(SYSTEM, () =>
        runRetentionPolicy(t.app.database.db, supportRetention, {
          trigger: 'manual',
          today: '2026-05-01',
          config: t.app.config,
        }),
      );
    const versionBefore = (await worker.get(`/api/support/requests/${old.id}`).expect(200)).body;
    const first = await run();
    expect(first.status === 'done' && first.run?.counts).toEqual({
      requests: 1,
      interventions: 1,
      persons: 1,
    });
    const read = async (id: string) => (await worker.get(`/api/support/requests/${id}`).expect(200)).body;
    const blanked = await read(old.id);
    expect(blanked).toMatchObject({
      impasse: null,
      requester: { kind: 'neighbour', name: null, callBack: null, sectorIds: [] },
      person: { initials: null, housing: 'unknown', language: null, gender: 'female', ageBand: '26_40' },
      channel: 'phone',
      receivedAt: '2023-01-10T10:00:00.000Z',
      closedOn: '2024-04-30',
      closeReason: 'referred',
    });
    expect(blanked.interventions).toEqual([expect.objectContaining({ place: 'place_of_life', notes: null })]);
    // Blanked rows have a new version: an edit opened before is stale (412), not silently applied.
    expect(blanked.version).toBeGreaterThan(versionBefore.version);
    expect(blanked.person.version).toBeGreaterThan(versionBefore.person.version);
    for (const kept of [await read(recent.id), await read(open.id)]) {
      expect(kept).toMatchObject({
        impasse: 'Madame refuse toute aide et dort dans le hall.',
        requester: { name: 'Le voisin du dessus', callBack: '0470 22 22 22' },
        person: { initials: 'K.L.', housing: 'street', language: 'nl' },
      });
      expect(kept.interventions[0].notes).toBe('Visite à domicile.');
    }
    const second = await run();
    expect(second.status === 'done' && second.run?.counts).toEqual({
      requests: 0,
      interventions: 0,
      persons: 0,
    });
  });
});
