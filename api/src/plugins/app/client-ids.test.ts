import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signedIn } from '../../../test/helpers/factories.js';
import { as } from '../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../test/helpers/intervision.js';
import { createdBy, supportPair, trainingEdition, trainingModule } from '../../../test/helpers/records.js';

/**
 * Creates a retry never duplicates (decision 15): every create route, walked from the routes the
 * app registered, accepts an id made by the client; the same create sent again answers the
 * record already made, another body with that id is 409.
 */
let t: TestApp;
let admin: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestApp();
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
});
afterAll(() => t.close());

let n = 0;
const unique = (s: string) => `${s} ${++n}`;
const created = (url: string, body: object) => createdBy(admin, url, body);
const organisation = () => created('/api/organisations', { nameFr: unique('Asbl Retry') });
const person = () => created('/api/people', { firstName: 'Yasmine', lastName: unique('Janssens') });
const cycle = () => newCycle(admin, { name: unique('Cycle'), startsOn: '2024-09-01', endsOn: '2025-06-30' });
const group = async () => newGroup(admin, (await cycle()).id, unique('Groupe'));

/** A create route's URL, a body, and another body for the same URL (to be refused with the same id). */
type Fixture = () => Promise<{ url: string; body: object; other: object }>;

const FIXTURES: Record<string, Fixture> = {
  'POST /api/users': async () => {
    const body = {
      email: `retry-${++n}@smes.test`,
      displayName: 'Noor Retry',
      role: 'worker',
      poles: ['connect'],
      password: 'Marolles-et-Saint-Gilles',
    };
    return { url: '/api/users', body, other: { ...body, displayName: 'Noor Autre' } };
  },
  'POST /api/reference/:kind': async () => {
    const body = { code: `retry_${++n}`, labelFr: 'Secteur rejoué', labelNl: 'Herhaalde sector' };
    return { url: '/api/reference/sector', body, other: { ...body, labelFr: 'Autre' } };
  },
  'POST /api/organisations': async () => {
    const body = { nameFr: unique('Asbl Rejouée'), phone: '02 333 33 33' };
    return { url: '/api/organisations', body, other: { ...body, phone: '02 444 44 44' } };
  },
  'POST /api/people': async () => {
    const body = { firstName: 'Sam', lastName: unique('Wauters') };
    return { url: '/api/people', body, other: { ...body, firstName: 'Samira' } };
  },
  'POST /api/people/:id/affiliations': async () => {
    const [p, o] = [await person(), await organisation()];
    const body = { organisationId: o.id, function: 'Éducatrice' };
    return { url: `/api/people/${p.id}/affiliations`, body, other: { ...body, function: 'Directrice' } };
  },
  'POST /api/members': async () => {
    const o = await organisation();
    const body = { organisationId: o.id, startsOn: '2024-01-01' };
    return { url: '/api/members', body, other: { ...body, startsOn: '2024-02-01' } };
  },
  'POST /api/governance/seats': async () => {
    const o = await organisation();
    await created('/api/members', { organisationId: o.id, startsOn: '2024-01-01' });
    const body = { body: 'general_assembly', organisationId: o.id, role: 'member', startsOn: '2024-06-01' };
    return { url: '/api/governance/seats', body, other: { ...body, role: 'secretary' } };
  },
  'POST /api/dues': async () => {
    const o = await organisation();
    await created('/api/members', { organisationId: o.id, startsOn: '2024-01-01' });
    const body = { year: 2024, organisationId: o.id, amountDue: '100.00' };
    return { url: '/api/dues', body, other: { ...body, amountDue: '120.00' } };
  },
  'POST /api/intervision/cycles': async () => {
    const body = { name: unique('Cycle rejoué'), startsOn: '2030-09-01', endsOn: '2031-06-30' };
    return { url: '/api/intervision/cycles', body, other: { ...body, endsOn: '2031-06-29' } };
  },
  'POST /api/intervision/groups': async () => {
    const c = await cycle();
    const body = {
      cycleId: c.id,
      name: unique('Groupe rejoué'),
      kind: 'intersectoral',
      language: 'nl',
      weekday: 2,
      startTime: '09:30',
      endTime: '12:30',
      facilitatorIds: [],
    };
    return { url: '/api/intervision/groups', body, other: { ...body, weekday: 3 } };
  },
  'POST /api/intervision/sessions': async () => {
    const g = await group();
    const body = { groupId: g.id, startsOn: '2024-10-10' };
    return { url: '/api/intervision/sessions', body, other: { ...body, startsOn: '2024-10-17' } };
  },
  'POST /api/intervision/registrations': async () => {
    const [g, p, o] = [await group(), await person(), await organisation()];
    const body = { groupId: g.id, personId: p.id, organisationId: o.id, registeredOn: '2024-09-10' };
    return { url: '/api/intervision/registrations', body, other: { ...body, registeredOn: '2024-09-11' } };
  },
  'POST /api/representation-meetings': async () => {
    const body = { heldOn: '2024-05-02', body: 'Conseil bruxellois', topic: 'Sans-abrisme', attendeeIds: [] };
    return { url: '/api/representation-meetings', body, other: { ...body, topic: 'Autre' } };
  },
  'POST /api/reports': async () => {
    const body = { title: unique('Rapport rejoué'), from: '2024-01-01', to: '2024-12-31', figureIds: [] };
    return { url: '/api/reports', body, other: { ...body, to: '2024-06-30' } };
  },
  'POST /api/support/requests': async () => {
    const body = {
      receivedAt: '2026-05-04T08:00:00Z',
      channel: 'phone',
      requester: { kind: 'friend', name: 'Une amie', callBack: '0470 11 11 11' },
      person: { initials: 'R.T.' },
      impasse: 'Elle ne répond plus à personne.',
    };
    return { url: '/api/support/requests', body, other: { ...body, channel: 'email' } };
  },
  'POST /api/support/requests/:id/interventions': async () => {
    const r = await created('/api/support/requests', {
      receivedAt: '2026-05-04T08:00:00Z',
      channel: 'email',
      requester: { kind: 'shopkeeper', name: 'La boulangère', callBack: '02 666 66 66' },
      person: {},
      impasse: 'Un client dort devant la boutique.',
    });
    const workerIds = await supportPair(t.app);
    const body = { heldOn: '2026-05-06', workerIds, place: 'street' };
    return {
      url: `/api/support/requests/${r.id}/interventions`,
      body,
      other: { ...body, place: 'place_of_life' },
    };
  },
  'POST /api/support/supervisions': async () => {
    const o = await organisation();
    const body = { organisationId: o.id, team: unique('Équipe rejouée'), startsOn: '2024-01-08' };
    return { url: '/api/support/supervisions', body, other: { ...body, plannedSessions: 3 } };
  },
  'POST /api/support/supervisions/:id/sessions': async () => {
    const o = await organisation();
    const s = await created('/api/support/supervisions', {
      organisationId: o.id,
      team: unique('Équipe rejouée'),
      startsOn: '2024-01-08',
    });
    const workerIds = await supportPair(t.app);
    const body = { startsOn: '2024-02-05', workerIds };
    return {
      url: `/api/support/supervisions/${s.id}/sessions`,
      body,
      other: { ...body, startsOn: '2024-02-12' },
    };
  },
  'POST /api/support/trainings/modules': async () => {
    const body = { titleFr: unique('Module rejoué'), titleNl: 'Herhaalde module' };
    return { url: '/api/support/trainings/modules', body, other: { ...body, titleNl: 'Andere' } };
  },
  'POST /api/support/trainings/editions': async () => {
    const m = await trainingModule(admin, unique('Module'));
    const body = { moduleId: m.id, organiser: 'smes', format: 'video', days: ['2026-10-06'] };
    return { url: '/api/support/trainings/editions', body, other: { ...body, format: 'in_person' } };
  },
  'POST /api/support/trainings/editions/:id/participants': async () => {
    const e = await trainingEdition(admin, unique('Module'));
    const [p, o] = [await person(), await organisation()];
    const body = { personId: p.id, organisationId: o.id, registeredOn: '2026-09-01' };
    return {
      url: `/api/support/trainings/editions/${e.id}/participants`,
      body,
      other: { ...body, registeredOn: '2026-09-02' },
    };
  },
};

describe('every create route accepts an id made by the client', () => {
  it('each create the app registered has a case here, and accepts an id', () => {
    const routes = t.app.createRoutes;
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes.filter((r) => !r.acceptsId).map((r) => r.url)).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const route of Object.keys(FIXTURES)) {
    it(`${route}: the same create again answers the record made; another body with its id is 409`, async () => {
      const { url, body, other } = await FIXTURES[route]!();
      const id = randomUUID();

      const first = await admin.post(url, { ...body, id });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.headers['idempotent-replay']).toBeUndefined();
      // The record made has the client's id (an affiliation answers its person, with it).
      expect(JSON.stringify(first.body)).toContain(id);

      const again = await admin.post(url, { ...body, id });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(again.body).toEqual(first.body);

      const changed = await admin.post(url, { ...other, id });
      expect(changed.status).toBe(409);
      expect(changed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(changed.body).toMatchObject({
        status: 409,
        code: 'CONFLICT',
        errors: [{ field: 'id', code: 'taken' }],
      });
    });
  }
});

describe('a create sent twice', () => {
  it('at once, many times: one person, every answer the same', async () => {
    const id = randomUUID();
    const lastName = unique('Simultané');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => admin.post('/api/people', { id, firstName: 'Louise', lastName })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect(results.filter((r) => r.headers['idempotent-replay'] !== 'true')).toHaveLength(1);
    const found = await admin.get('/api/people', { q: lastName });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('without an id, twice: two records, as before', async () => {
    const nameFr = unique('Asbl Sans Id');
    await organisation();
    const a = await created('/api/organisations', { nameFr });
    const b = await created('/api/organisations', { nameFr: `${nameFr} bis` });
    expect(a.id).not.toBe(b.id);
  });

  it('a create that was refused leaves its id free: corrected, it lands', async () => {
    const id = randomUUID();
    const refused = await admin.post('/api/organisations', { id, email: 'pas-un-nom@smes.test' });
    expect(refused.status).toBe(400);
    const ok = await admin.post('/api/organisations', { id, nameFr: unique('Asbl Corrigée') });
    expect(ok.status).toBe(201);
    expect(ok.body.id).toBe(id);
  });
});

describe('an id already used', () => {
  it("another kind's record: 409, and nothing made", async () => {
    const o = await organisation();
    const res = await admin.post('/api/people', { id: o.id, firstName: 'Nina', lastName: unique('Claes') });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'taken' })]);
    expect((await admin.get(`/api/people/${o.id}`)).status).toBe(404);
  });

  it('by another user, or on a record the caller may not see: the same 409, nothing of it shown', async () => {
    const connect = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
    const support = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth);
    // An intervision cycle: a Support coordinator cannot read it.
    const c = await cycle();
    expect((await support.get(`/api/intervision/cycles/${c.id}`)).status).toBe(403);
    const hidden = await support.post('/api/people', {
      id: c.id,
      firstName: 'Jo',
      lastName: unique('Hendrickx'),
    });
    expect(hidden.status).toBe(409);

    // The same create as someone else's, with their id: refused the same way, their record not answered.
    const id = randomUUID();
    const body = {
      id,
      heldOn: '2024-06-06',
      body: 'Réseau santé',
      topic: unique('Accès aux soins'),
      attendeeIds: [],
    };
    expect((await admin.post('/api/representation-meetings', body)).status).toBe(201);
    const theirs = await connect.post('/api/representation-meetings', body);
    expect(theirs.status).toBe(409);
    expect(theirs.body).toEqual(hidden.body);
    expect(JSON.stringify(theirs.body)).not.toContain(body.topic);
  });
});
