import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pole, Role } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../test/helpers/factories.js';
import { as } from '../../../test/helpers/http.js';
import { refId } from '../../../test/helpers/reference.js';
import { runImport } from '../platform/imports/service.js';

/**
 * Issue 15's privacy "done when": a Connect or Housing First worker gets nothing of Support
 * through any path: its routes (every one the app registers under /api/support, read from the
 * OpenAPI document so that later routes are walked too), its figures' records, the directory's
 * search and person pages, the import history, the calendar. Figure values (aggregates) stay
 * readable. Breaking the glass into a request is for the roles its kind names, flagged.
 */
let t: TestApp;
let admin: ReturnType<typeof as>;
let adminAuth: string;
let requesterId: string;
/** A second Odile Inventée in the directory: a real duplicate for the merge preview. */
let duplicateId: string;
/** What names the person concerned and their request (a money line must name none of it). */
let concerned: string[];
let requestId: string;
let importRunId: string;
/** Everything seeded that must never reach another pole: ids, codes and free text. */
let secrets: string[];
/** The id to put in a path after each collection's name. */
let idAfter: Record<string, string>;

const REASON = 'Appel urgent du CPAS, la coordinatrice Support est injoignable';
const IMPASSE = 'Impasse-privee-7731 : refuse toute aide depuis des mois';
const NOTES = 'Notes-privees-4412 au service du demandeur';
const TEAM = 'Équipe-secrete-9083 de rue';
const LOG_NUMBER = 'R-PRIV-2026-001';
const IMPORTED_IMPASSE = 'Impasse-importee-5520 dort dans le parc';

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t.app, { role: 'admin' });
  adminAuth = a.auth;
  admin = as(t.app, a.auth, { purpose: 'administration' });
  const me = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Lien Privé' });
  const other = await makeUser(t.app, { role: 'worker', poles: ['support'], displayName: 'Karim Privé' });
  const sc = await signedIn(t.app, { role: 'coordinator', poles: ['support'], displayName: 'Ann Privé' });
  const worker = as(t.app, me.auth);
  const coordinator = as(t.app, sc.auth);
  const pair = [me.user.id, other.id];
  const sector = await refId(t.app, me.auth, 'sector', 'general_social');
  const cpas = (
    await worker
      .post('/api/organisations', { nameFr: 'CPAS Confidentiel Fictif', sectorIds: [sector] })
      .expect(201)
  ).body.id as string;
  requesterId = (
    await worker
      .post('/api/people', {
        firstName: 'Odile',
        lastName: 'Inventée',
        email: 'odile@cpas-fictif.example',
        affiliations: [{ organisationId: cpas }],
      })
      .expect(201)
  ).body.id;
  duplicateId = (
    await worker
      .post('/api/people', {
        firstName: 'Odile',
        lastName: 'Inventée',
        affiliations: [{ organisationId: cpas }],
      })
      .expect(201)
  ).body.id;

  // A request with its person concerned, and an intervention by a pair.
  const request = (
    await worker
      .post('/api/support/requests', {
        receivedAt: '2026-03-02T09:15:00Z',
        channel: 'phone',
        requester: { kind: 'professional', personId: requesterId, organisationId: cpas },
        person: { initials: 'Q.P.', gender: 'female', ageBand: '41_60', housing: 'street' },
        impasse: IMPASSE,
      })
      .expect(201)
  ).body;
  requestId = request.id;
  const intervened = (
    await worker
      .post(`/api/support/requests/${requestId}/interventions`, {
        heldOn: '2026-03-05',
        workerIds: pair,
        place: 'requester_service',
        durationMinutes: 60,
        notes: NOTES,
      })
      .expect(201)
  ).body;

  // A supervision with one session.
  const supervision = (
    await coordinator
      .post('/api/support/supervisions', {
        organisationId: cpas,
        team: TEAM,
        fee: '250',
        startsOn: '2026-01-06',
      })
      .expect(201)
  ).body;
  // Its fee paid: a money line for the accountant.
  await coordinator
    .patch(`/api/support/supervisions/${supervision.id}`, {
      payment: { paidOn: '2026-02-10', method: 'transfer' },
    })
    .expect(200);
  const supervisionSession = (
    await coordinator
      .post(`/api/support/supervisions/${supervision.id}/sessions`, {
        workerIds: pair,
        startsOn: '2026-02-03',
        status: 'held',
        participants: 6,
      })
      .expect(201)
  ).body;

  // A training edition with a participant of the directory.
  const module = (
    await worker
      .post('/api/support/trainings/modules', {
        titleFr: 'Module confidentiel fictif',
        titleNl: 'Fictieve vertrouwelijke module',
        themes: ['précarité'],
      })
      .expect(201)
  ).body;
  const edition = (
    await worker
      .post('/api/support/trainings/editions', {
        moduleId: module.id,
        organiser: 'smes',
        format: 'video',
        capacity: 10,
        days: ['2026-10-06'],
      })
      .expect(201)
  ).body;
  const participant = (
    await worker
      .post(`/api/support/trainings/editions/${edition.id}/participants`, {
        personId: requesterId,
        organisationId: cpas,
        registeredOn: '2026-09-20',
      })
      .expect(201)
  ).body;
  const editionPage = (await worker.get(`/api/support/trainings/editions/${edition.id}`).expect(200)).body;

  // The team's request log, imported by a Support coordinator.
  const header = ['N° de demande', 'Reçue le', 'Canal', 'Type de demandeur', 'Prénom du demandeur'];
  const rest = ['Nom du demandeur', 'Rappeler au', 'Code de la personne', 'Impasse'];
  const row = [LOG_NUMBER, '04/03/2026 09:15', 'Téléphone', 'Proche', 'Rita', 'Imaginaire', '0470 00 00 00'];
  const file = `\uFEFF${[
    [...header, ...rest].join(';'),
    [...row, request.person.code, IMPORTED_IMPASSE].join(';'),
  ].join('\r\n')}\r\n`;
  const actor = { ...sc.user, locale: null, sessionId: '00000000-0000-4000-8000-000000000000' };
  const report = await t.app.database.acting({ userId: actor.id, role: actor.role, poles: actor.poles }, () =>
    runImport({
      ctx: { db: t.app.database.db, actor, ip: '127.0.0.1' },
      input: {
        kind: 'support_requests',
        file: { name: 'registre-prive.csv', bytes: new TextEncoder().encode(file) },
        dryRun: false,
        via: 'api',
      },
    }),
  );
  expect(report.errors ?? []).toEqual([]);
  const runs = (await as(t.app, sc.auth).get('/api/imports').expect(200)).body.items as {
    id: string;
    kind: string;
  }[];
  importRunId = runs.find((r) => r.kind === 'support_requests')!.id;
  // The log's row names the same person concerned: both requests are theirs.
  const imported = (await worker.get('/api/support/requests', { personId: request.person.id }).expect(200))
    .body.items;
  expect(imported).toHaveLength(2);

  concerned = [requestId, request.person.id, request.person.code, IMPASSE, NOTES, LOG_NUMBER];
  secrets = [
    requestId,
    request.person.id,
    request.person.code,
    intervened.interventions[0].id,
    supervision.id,
    supervisionSession.id,
    module.id,
    edition.id,
    participant.id,
    importRunId,
    IMPASSE,
    NOTES,
    TEAM,
    LOG_NUMBER,
    IMPORTED_IMPASSE,
    ...imported.map((r: { id: string }) => r.id),
  ];
  idAfter = {
    requests: requestId,
    persons: request.person.id,
    interventions: intervened.interventions[0].id,
    supervisions: supervision.id,
    sessions: supervisionSession.id,
    modules: module.id,
    editions: edition.id,
    participants: participant.id,
  };
  idAfter.sessionId = editionPage.sessions[0].id;
}, 240_000);
afterAll(() => t.close());

const others: { label: string; role: Role; poles: Pole[] }[] = [
  { label: 'a Connect worker', role: 'worker', poles: ['connect'] },
  { label: 'a Housing First worker', role: 'worker', poles: ['housing_first'] },
  { label: 'a Connect coordinator', role: 'coordinator', poles: ['connect'] },
];

/** The Support routes the app registers, from its OpenAPI document: [method, path with ids]. */
async function supportRoutes(): Promise<[string, string][]> {
  const doc = (await supertest(t.app.server).get('/api/docs/json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes: [string, string][] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/support')) continue;
    const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
      const before = path.slice(0, offset).split('/').filter(Boolean).pop()!;
      // `{id}` after `requests` is a request's; `{interventionId}` an intervention's.
      const id = name === 'id' ? idAfter[before] : (idAfter[name] ?? idAfter[`${name.replace(/Id$/, '')}s`]);
      // A new route with a new collection: name its seeded record above.
      expect(id, `no seeded id for {${name}} in ${path}`).toBeDefined();
      return id!;
    });
    for (const method of Object.keys(operations)) routes.push([method, concrete]);
  }
  return routes;
}

const leaks = (text: string) => secrets.filter((s) => text.includes(s));

describe.each(others)('$label', ({ role, poles }) => {
  let auth: string;
  let c: ReturnType<typeof as>;
  beforeAll(async () => {
    auth = (await signedIn(t.app, { role, poles })).auth;
    c = as(t.app, auth);
  });

  it('is refused every Support route, reads and writes, and no answer names what Support holds', async () => {
    const routes = await supportRoutes();
    expect(routes.map(([m, p]) => `${m} ${p}`)).toEqual(
      expect.arrayContaining([
        'get /api/support/requests',
        `get /api/support/requests/${requestId}`,
        'get /api/support/board',
        'get /api/support/calendar.ics',
        `post /api/support/trainings/editions/${idAfter.editions}/participants`,
      ]),
    );
    for (const [method, path] of routes) {
      const verb = method as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const server = supertest(t.app.server);
      const agent = server[verb](path)
        .set('authorization', auth)
        .set('x-purpose', 'follow_up')
        .set('if-match', '*');
      const res = method === 'get' || method === 'delete' ? await agent : await agent.send({});
      expect([403, 404], `${method} ${path} answered ${res.status}`).toContain(res.status);
      expect(leaks(res.text), `${method} ${path}`).toEqual([]);
    }
  });

  it("is refused Support's figures' records, and still reads their values", async () => {
    const catalogue = (await c.get('/api/figures').expect(200)).body as {
      id: string;
      pole: string;
      kind: string;
      hasRecords: boolean;
    }[];
    const support = catalogue.filter((f) => f.pole === 'support');
    expect(support.length).toBeGreaterThan(5);
    const period = { from: '2026-01-01', to: '2026-12-31' };
    for (const figure of support.filter((f) => f.hasRecords)) {
      const res = await c.get(`/api/figures/${figure.id}/records`, period);
      if (figure.kind === 'sector') {
        // Its records are a reference list (sectors), read by everyone signed in: the sectors
        // of requests the reader's rows hold, that is none.
        expect(res.status, figure.id).toBe(200);
        expect(res.body).toMatchObject({ items: [], total: 0 });
      } else expect([403, 404], `${figure.id} answered ${res.status}`).toContain(res.status);
      expect(leaks(res.text), figure.id).toEqual([]);
    }
    // Aggregates are allowed: the year's new requests are counted for everyone.
    const values = (
      await c.get('/api/figures/values', { ...period, ids: support.map((f) => f.id).join(',') }).expect(200)
    ).body.values as { id: string; value: number | null }[];
    expect(values.map((v) => v.id).sort()).toEqual(support.map((f) => f.id).sort());
    expect(values.some((v) => (v.value ?? 0) >= 2)).toBe(true);
    expect(leaks(JSON.stringify(values))).toEqual([]);
  });

  it('finds the requester in the directory without a word of their requests or trainings', async () => {
    const found = await c.get('/api/people', { q: 'Inventée' }).expect(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(requesterId);
    expect(leaks(found.text)).toEqual([]);
    const page = await c.get(`/api/people/${requesterId}`).expect(200);
    expect(page.body.lastName).toBe('Inventée');
    expect(leaks(page.text)).toEqual([]);
    for (const url of [
      `/api/people/${requesterId}/export`,
      `/api/people/${requesterId}/merge?duplicateId=${duplicateId}`,
      '/api/people/duplicates',
      '/api/home',
      '/api/organisations',
    ]) {
      const res = await c.get(url);
      expect(leaks(res.text), url).toEqual([]);
    }
  });

  it("does not list Support's import in the history, nor its templates, nor runs it", async () => {
    const history = await c.get('/api/imports');
    expect(leaks(history.text)).toEqual([]);
    if (history.status === 200) {
      expect(history.body.items.map((r: { kind: string }) => r.kind)).not.toContain('support_requests');
    } else expect(history.status).toBe(403);
    for (const url of ['fields', 'mappings', 'template?lang=fr']) {
      const res = await c.get(`/api/imports/support_requests/${url}`);
      expect([403, 404], url).toContain(res.status);
    }
    const run = await supertest(t.app.server)
      .post('/api/imports/support_requests?fileName=x.csv&dryRun=true')
      .set('authorization', auth)
      .set('x-purpose', 'follow_up')
      .set('content-type', 'text/csv')
      .send('N° de demande\r\n');
    expect([403, 404]).toContain(run.status);
  });

  it('finds no Support record in the audit, the access log, the money lines or the retention runs', async () => {
    for (const url of [
      `/api/audit?resourceType=support_request&resourceId=${requestId}`,
      `/api/access-log?kind=support_request&recordId=${requestId}`,
      '/api/money-lines?from=2026-01-01&to=2026-12-31',
      '/api/retention-runs',
    ]) {
      const res = await c.get(url);
      expect(res.status, url).toBe(403);
      expect(leaks(res.text), `${url} answered ${res.status}`).toEqual([]);
    }
  });
});

describe("the accountant's money lines", () => {
  it('show the paid supervision fee without a word of the person concerned or their request', async () => {
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    const res = await accountant
      .get('/api/money-lines', { from: '2026-01-01', to: '2026-12-31' })
      .expect(200);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ source: 'support.supervisions.fees', date: '2026-02-10', amount: '250.00' }),
    );
    expect(concerned.filter((s) => res.text.includes(s))).toEqual([]);
  });
});

describe('breaking the glass into Support', () => {
  const glass = (auth: string, reason: string) =>
    supertest(t.app.server)
      .get(`/api/support/requests/${requestId}`)
      .set('authorization', auth)
      .set('x-purpose', 'break_glass')
      .set('x-break-glass-reason', encodeURIComponent(reason));

  it('lets an administrator read a request with a reason, flagged in the access log', async () => {
    const read = await glass(adminAuth, REASON).expect(200);
    expect(read.body).toMatchObject({ id: requestId, impasse: IMPASSE });
    const log = (await admin.get('/api/access-log', { flagged: true }).expect(200)).body.items as {
      kind: string;
      recordIds: string[];
      reason: string;
      flagged: boolean;
    }[];
    expect(log).toContainEqual(
      expect.objectContaining({
        kind: 'support_request',
        recordIds: [requestId],
        reason: REASON,
        flagged: true,
      }),
    );
  });

  it("refuses a Connect coordinator's plain read and any Connect or Housing First worker, even with a reason", async () => {
    const coordinator = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
    const plain = await as(t.app, coordinator).get(`/api/support/requests/${requestId}`).expect(403);
    expect(plain.body.code).toBe('BREAK_GLASS_REQUIRED');
    expect(leaks(plain.text)).toEqual([]);
    for (const poles of [['connect'], ['housing_first']] as Pole[][]) {
      const worker = (await signedIn(t.app, { role: 'worker', poles })).auth;
      const refused = await glass(worker, REASON).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect(leaks(refused.text)).toEqual([]);
    }
    // Too short a reason is no reason.
    expect((await glass(coordinator, 'parce que').expect(400)).body.code).toBe('BREAK_GLASS_REASON_REQUIRED');
  });

  it('lets a Connect coordinator read a request with a reason (decision 21), flagged', async () => {
    const coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const read = await glass(coordinator.auth, REASON).expect(200);
    expect(read.body).toMatchObject({ id: requestId, impasse: IMPASSE });
    const log = (await admin.get('/api/access-log', { flagged: true }).expect(200)).body.items;
    expect(log).toContainEqual(
      expect.objectContaining({
        userId: coordinator.user.id,
        kind: 'support_request',
        recordIds: [requestId],
        reason: REASON,
        flagged: true,
      }),
    );
  });
});
