import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../test/helpers/factories.js';
import { as } from '../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../test/helpers/intervision.js';
import { createdBy, supportPair, trainingEdition, trainingModule } from '../../../test/helpers/records.js';

/**
 * Versioned records (decision 13): every update route, walked from the routes the app registered,
 * refuses an update without If-Match (428) and one of a version that is no longer current (412,
 * with the record as it is now), and answers the new version as its ETag.
 */
let t: TestApp;
let admin: ReturnType<typeof as>;
let auth = '';
beforeAll(async () => {
  t = await createTestApp();
  auth = (await signedIn(t.app, { role: 'admin' })).auth;
  admin = as(t.app, auth);
});
afterAll(() => t.close());

const raw = (method: 'patch' | 'put', url: string, body: object, headers: Record<string, string> = {}) => {
  // An update answering a sensitive record is a read with a purpose too (decision 21).
  let req = supertest(t.app.server)[method](url).set('authorization', auth).set('x-purpose', 'follow_up');
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.send(body);
};

let n = 0;
const unique = (s: string) => `${s} ${++n}`;
const created = (url: string, body: object) => createdBy(admin, url, body);
const organisation = () => created('/api/organisations', { nameFr: unique('Asbl Version') });
const person = () => created('/api/people', { firstName: 'Ines', lastName: unique('Verbeke') });
const group = async () => {
  const cycle = await newCycle(admin, {
    name: unique('Cycle'),
    startsOn: '2024-09-01',
    endsOn: '2025-06-30',
  });
  return {
    cycle,
    group: (await newGroup(admin, cycle.id, unique('Groupe'))) as { id: string; version: number },
  };
};
/** A Support request from a neighbour, received on 4 May 2026. */
const supportRequest = (impasse: string) =>
  created('/api/support/requests', {
    receivedAt: '2026-05-04T08:00:00Z',
    channel: 'phone',
    requester: { kind: 'neighbour', name: 'Un voisin', callBack: '02 555 55 55' },
    person: {},
    impasse,
  });
const supervision = async () =>
  created('/api/support/supervisions', {
    organisationId: (await organisation()).id,
    team: unique('Équipe versionnée'),
    startsOn: '2024-01-08',
  });

/** What an update route changes in a fresh record: its URL, a body, and the version it starts at. */
type Fixture = () => Promise<{ url: string; body: object; version: number }>;

const FIXTURES: Record<string, Fixture> = {
  'PATCH /api/me': async () => {
    const me = (await admin.get('/api/me')).body as { version: number };
    return { url: '/api/me', body: { displayName: unique('Admin') }, version: me.version };
  },
  'PATCH /api/users/:id': async () => {
    const u = await makeUser(t.app, { role: 'worker', poles: ['connect'] });
    const read = (await admin.get(`/api/users/${u.id}`)).body as { version: number };
    return { url: `/api/users/${u.id}`, body: { displayName: unique('Worker') }, version: read.version };
  },
  'PATCH /api/reference/:kind/:id': async () => {
    const item = await created('/api/reference/sector', {
      code: `v_${++n}`,
      labelFr: 'Secteur versionné',
      labelNl: 'Sector met versie',
    });
    return {
      url: `/api/reference/sector/${item.id}`,
      body: { labelFr: unique('Secteur') },
      version: item.version,
    };
  },
  'PATCH /api/organisations/:id': async () => {
    const o = await organisation();
    return { url: `/api/organisations/${o.id}`, body: { phone: '02 111 11 11' }, version: o.version };
  },
  'PATCH /api/people/:id': async () => {
    const p = await person();
    return { url: `/api/people/${p.id}`, body: { phone: '0470 00 00 00' }, version: p.version };
  },
  'PATCH /api/people/:id/affiliations/:affiliationId': async () => {
    const o = await organisation();
    const p = (await created('/api/people', {
      firstName: 'Lotte',
      lastName: unique('Peeters'),
      affiliations: [{ organisationId: o.id }],
    })) as { id: string; version: number; affiliations: { id: string }[] };
    return {
      url: `/api/people/${p.id}/affiliations/${p.affiliations[0]!.id}`,
      body: { function: 'Assistante sociale' },
      version: p.version,
    };
  },
  'PATCH /api/members/:id': async () => {
    const o = await organisation();
    const m = await created('/api/members', { organisationId: o.id, startsOn: '2024-01-01' });
    return { url: `/api/members/${m.id}`, body: { notes: 'Vérifié' }, version: m.version };
  },
  'PATCH /api/governance/seats/:id': async () => {
    const o = await organisation();
    await created('/api/members', { organisationId: o.id, startsOn: '2024-01-01' });
    const s = await created('/api/governance/seats', {
      body: 'general_assembly',
      organisationId: o.id,
      role: 'member',
      startsOn: '2024-06-01',
    });
    return { url: `/api/governance/seats/${s.id}`, body: { role: 'secretary' }, version: s.version };
  },
  'PATCH /api/dues/:id': async () => {
    const o = await organisation();
    const year = 2040 + ++n;
    await created('/api/members', { organisationId: o.id, startsOn: `${year}-01-01` });
    await admin
      .post('/api/dues/generate', { year, organisationAmount: '100', personAmount: '20' })
      .expect(200);
    const line = (await admin.get('/api/dues', { year })).body.items.find(
      (d: { holder: { organisation: { id: string } | null } }) => d.holder.organisation?.id === o.id,
    ) as { id: string; version: number };
    return {
      url: `/api/dues/${line.id}`,
      body: { payment: { paidOn: `${year}-03-01`, method: 'transfer' } },
      version: line.version,
    };
  },
  'PUT /api/imports/:kind/mappings/:name': async () => {
    const name = unique('Partenaire');
    const res = await raw(
      'put',
      `/api/imports/organisations/mappings/${encodeURIComponent(name)}`,
      { columns: { Nom: 'nameFr' } },
      { 'if-none-match': '*' },
    );
    expect(res.status).toBe(200);
    // Creating only: the same name again is refused with what is there now.
    const again = await raw(
      'put',
      `/api/imports/organisations/mappings/${encodeURIComponent(name)}`,
      { columns: { Naam: 'nameNl' } },
      { 'if-none-match': '*' },
    );
    expect(again.status).toBe(412);
    expect(again.body.current).toMatchObject({ name, columns: { Nom: 'nameFr' } });
    return {
      url: `/api/imports/organisations/mappings/${encodeURIComponent(name)}`,
      body: { columns: { Naam: 'nameNl' } },
      version: res.body.version,
    };
  },
  'PATCH /api/intervision/cycles/:id': async () => {
    const { cycle } = await group();
    const read = (await admin.get(`/api/intervision/cycles/${cycle.id}`)).body as { version: number };
    return {
      url: `/api/intervision/cycles/${cycle.id}`,
      body: { memberFee: '125.00' },
      version: read.version,
    };
  },
  'PATCH /api/intervision/groups/:id': async () => {
    const { group: g } = await group();
    return { url: `/api/intervision/groups/${g.id}`, body: { capacity: 8 }, version: g.version };
  },
  'PATCH /api/intervision/sessions/:id': async () => {
    const { group: g } = await group();
    const s = await created('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' });
    return { url: `/api/intervision/sessions/${s.id}`, body: { status: 'held' }, version: s.version };
  },
  'PUT /api/intervision/sessions/:id/attendance': async () => {
    const { group: g } = await group();
    const s = await created('/api/intervision/sessions', { groupId: g.id, startsOn: '2024-10-10' });
    return {
      url: `/api/intervision/sessions/${s.id}/attendance`,
      body: { registrationIds: [] },
      version: s.version,
    };
  },
  'PATCH /api/intervision/registrations/:id': async () => {
    const { group: g } = await group();
    const o = await organisation();
    const p = await person();
    const r = await created('/api/intervision/registrations', {
      groupId: g.id,
      personId: p.id,
      organisationId: o.id,
      registeredOn: '2024-09-10',
    });
    return {
      url: `/api/intervision/registrations/${r.id}`,
      body: { payment: { paidOn: '2024-09-20', method: 'transfer' } },
      version: r.version,
    };
  },
  'PUT /api/analytic-codes/:id': async () => {
    const list = (await admin.get('/api/analytic-codes')).body as {
      items: { id: string; version: number }[];
    };
    const source = list.items.find((i) => i.id === 'connect.intervision.fees')!;
    return {
      url: `/api/analytic-codes/${source.id}`,
      body: { code: unique('CODE').replace(' ', '-') },
      version: source.version,
    };
  },
  'PATCH /api/representation-meetings/:id': async () => {
    const m = await created('/api/representation-meetings', {
      heldOn: '2024-05-02',
      body: 'Plateforme de concertation',
      topic: 'Logement',
      attendeeIds: [],
    });
    return {
      url: `/api/representation-meetings/${m.id}`,
      body: { topic: 'Logement d’abord' },
      version: m.version,
    };
  },
  'PATCH /api/support/requests/:id': async () => {
    const r = await supportRequest('Il ne sort plus de chez lui.');
    return { url: `/api/support/requests/${r.id}`, body: { channel: 'email' }, version: r.version };
  },
  'PATCH /api/support/requests/:id/interventions/:interventionId': async () => {
    const r = await supportRequest('Il ne dort plus chez lui.');
    const workerIds = await supportPair(t.app);
    // An intervention is versioned on its request, which the create answers whole.
    const i = await created(`/api/support/requests/${r.id}/interventions`, {
      heldOn: '2026-05-06',
      workerIds,
      place: 'street',
    });
    const interventionId = (i as unknown as { interventions: { id: string }[] }).interventions[0]!.id;
    return {
      url: `/api/support/requests/${r.id}/interventions/${interventionId}`,
      body: { durationMinutes: 45 },
      version: i.version,
    };
  },
  'PATCH /api/support/supervisions/:id': async () => {
    const s = await supervision();
    return { url: `/api/support/supervisions/${s.id}`, body: { plannedSessions: 5 }, version: s.version };
  },
  'PATCH /api/support/supervisions/sessions/:id': async () => {
    const s = await supervision();
    const workerIds = await supportPair(t.app);
    const x = await created(`/api/support/supervisions/${s.id}/sessions`, {
      startsOn: '2024-02-05',
      workerIds,
    });
    return {
      url: `/api/support/supervisions/sessions/${x.id}`,
      body: { status: 'held', participants: 6 },
      version: x.version,
    };
  },
  'PATCH /api/support/trainings/modules/:id': async () => {
    const m = await trainingModule(admin, unique('Module'));
    return {
      url: `/api/support/trainings/modules/${m.id}`,
      body: { themes: ['accueil'] },
      version: m.version,
    };
  },
  'PATCH /api/support/trainings/editions/:id': async () => {
    const e = await trainingEdition(admin, unique('Module'));
    return { url: `/api/support/trainings/editions/${e.id}`, body: { capacity: 12 }, version: e.version };
  },
  'PUT /api/support/trainings/editions/:id/sessions/:sessionId/attendance': async () => {
    const e = (await trainingEdition(admin, unique('Module'))) as {
      id: string;
      version: number;
      sessions: { id: string }[];
    };
    return {
      url: `/api/support/trainings/editions/${e.id}/sessions/${e.sessions[0]!.id}/attendance`,
      body: { participantIds: [] },
      version: e.version,
    };
  },
  'PATCH /api/support/trainings/participants/:id': async () => {
    const e = await trainingEdition(admin, unique('Module'), { fee: '30' });
    const [p, o] = [await person(), await organisation()];
    const r = await created(`/api/support/trainings/editions/${e.id}/participants`, {
      personId: p.id,
      organisationId: o.id,
    });
    return {
      url: `/api/support/trainings/participants/${r.id}`,
      body: { payment: { paidOn: '2026-10-01', method: 'cash' } },
      version: r.version,
    };
  },
};

describe('every update route is versioned', () => {
  it('each PATCH and PUT the app registered has a case here', () => {
    const routes = t.app.versionedRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const route of Object.keys(FIXTURES)) {
    it(`${route}: 428 without If-Match, the new version as ETag, 412 with the current record when stale`, async () => {
      const method = route.startsWith('PUT') ? 'put' : 'patch';
      const { url, body, version } = await FIXTURES[route]!();

      const missing = await raw(method, url, body);
      expect(missing.status).toBe(428);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });

      const ok = await raw(method, url, body, { 'if-match': `"v${version}"` });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.version).toBeGreaterThan(version);
      expect(ok.headers.etag).toBe(`"v${ok.body.version}"`);

      const stale = await raw(method, url, body, { 'if-match': `"v${version}"` });
      expect(stale.status).toBe(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.body).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
      expect(stale.body.current).toMatchObject({ id: ok.body.id, version: ok.body.version });
      expect(stale.headers.etag).toBe(`"v${ok.body.version}"`);

      // A weak or unreadable tag never matches (If-Match compares strongly).
      const weak = await raw(method, url, body, { 'if-match': `W/"v${ok.body.version}"` });
      expect(weak.status).toBe(412);
    });
  }
});

describe('two people editing one record', () => {
  it('reads answer the ETag; the second with the same one is told, with what the first wrote', async () => {
    const o = await organisation();
    const read = await admin.get(`/api/organisations/${o.id}`);
    expect(read.headers.etag).toBe(`"v${read.body.version}"`);
    const etag = read.headers.etag as string;
    const other = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);

    const [first, second] = await Promise.all([
      admin.patch(`/api/organisations/${o.id}`, { nameFr: 'Asbl Premier Arrivé' }, etag),
      other.patch(`/api/organisations/${o.id}`, { nameFr: 'Asbl Second Arrivé' }, etag),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 412]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    expect(lost.body.current).toMatchObject({ nameFr: won.body.nameFr, version: won.body.version });
    // Nothing of the refused edit landed.
    const now = await admin.get(`/api/organisations/${o.id}`);
    expect(now.body.nameFr).toBe(won.body.nameFr);
    expect(now.headers.etag).toBe(lost.headers.etag);

    // Resent with the version it was shown, it lands.
    const resent = await other.patch(
      `/api/organisations/${o.id}`,
      { phone: '02 222 22 22' },
      lost.headers.etag,
    );
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ nameFr: won.body.nameFr, phone: '02 222 22 22' });
  });

  it('many clients with the same ETag at once: exactly one lands', async () => {
    const p = await person();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        admin.patch(`/api/people/${p.id}`, { notes: `Note ${i}` }, `"v${p.version}"`),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(5);
    const now = (await admin.get(`/api/people/${p.id}`)).body;
    expect(now.version).toBe(p.version + 1);
    expect(now.notes).toBe(results.find((r) => r.status === 200)!.body.notes);
  });

  it('a record that does not exist is 404, whatever the If-Match', async () => {
    const res = await admin.patch(
      '/api/organisations/00000000-0000-4000-8000-000000000000',
      { phone: '1' },
      '"v1"',
    );
    expect(res.status).toBe(404);
  });
});
