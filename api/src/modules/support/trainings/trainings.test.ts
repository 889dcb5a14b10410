import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';

/**
 * Support's trainings (issue 15, decision 29): a module in FR and NL, its editions on one or
 * more days (by Smes or by a partner), participants from the directory with their sectors of the
 * registration day, attendance per day, the fee's payment; only the Support pole sees them.
 */
let t: TestApp;
let worker: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let cpas: string;
let federation: string;
let alice: string;
let bruno: string;
let homeless: string;
let housing: string;

beforeAll(async () => {
  t = await createTestApp();
  const me = await signedIn(t.app, { role: 'worker', poles: ['support'] });
  worker = as(t.app, me.auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
  homeless = await refId(t.app, me.auth, 'sector', 'homeless');
  housing = await refId(t.app, me.auth, 'sector', 'housing');
  cpas = (
    await worker.post('/api/organisations', { nameFr: 'Abri Exemple', sectorIds: [homeless] }).expect(201)
  ).body.id;
  federation = (await worker.post('/api/organisations', { nameFr: 'Fédération Exemple' }).expect(201)).body
    .id;
  const person = async (firstName: string, lastName: string) =>
    (
      await worker
        .post('/api/people', { firstName, lastName, affiliations: [{ organisationId: cpas }] })
        .expect(201)
    ).body.id as string;
  alice = await person('Aline', 'Fictive');
  bruno = await person('Bram', 'Verzonnen');
}, 180_000);
afterAll(() => t.close());

const newModule = async () =>
  (
    await worker
      .post('/api/support/trainings/modules', {
        titleFr: 'Santé mentale et précarité',
        titleNl: 'Geestelijke gezondheid en bestaansonzekerheid',
        themes: ['précarité', ' santé mentale '],
      })
      .expect(201)
  ).body;

const smesEdition = (moduleId: string, extra: Record<string, unknown> = {}) => ({
  moduleId,
  organiser: 'smes',
  format: 'video',
  capacity: 2,
  fee: '40',
  days: ['2026-10-13', '2026-10-06'],
  ...extra,
});

/** An edition by Smes of module `moduleId` (`smesEdition`), as its 201 answers it. */
const newEdition = async (moduleId: string, extra: Record<string, unknown> = {}) =>
  (await worker.post('/api/support/trainings/editions', smesEdition(moduleId, extra)).expect(201)).body;

/** A person of the shelter registered on an edition, as the 201 answers the participant. */
const register = async (editionId: string, personId: string, extra: Record<string, unknown> = {}) =>
  (
    await worker
      .post(`/api/support/trainings/editions/${editionId}/participants`, {
        personId,
        organisationId: cpas,
        ...extra,
      })
      .expect(201)
  ).body;

describe('modules', () => {
  it('are created with a title in FR and NL and themes, listed, and corrected with If-Match', async () => {
    const m = await newModule();
    expect(m).toMatchObject({ titleNl: 'Geestelijke gezondheid en bestaansonzekerheid', editions: 0 });
    expect(m.themes).toEqual(['précarité', 'santé mentale']);
    const list = (await worker.get('/api/support/trainings/modules').expect(200)).body.items;
    expect(list.map((x: { id: string }) => x.id)).toContain(m.id);
    await worker.patch(`/api/support/trainings/modules/${m.id}`, { themes: ['x'] }, '"v99"').expect(412);
    const fixed = await worker
      .patch(
        `/api/support/trainings/modules/${m.id}`,
        { titleFr: 'Santé mentale & précarité' },
        `"v${m.version}"`,
      )
      .expect(200);
    expect(fixed.body).toMatchObject({ titleFr: 'Santé mentale & précarité', version: m.version + 1 });
    const blank = await worker
      .patch(`/api/support/trainings/modules/${m.id}`, { titleNl: '   ' })
      .expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'titleNl', code: 'required' })]);
    const audit = (
      await admin.get('/api/audit', { resourceType: 'support_training_module', resourceId: m.id }).expect(200)
    ).body.items.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['create', 'update']);
  });
});

describe('an edition by Smes', () => {
  it('has its days in order, takes participants with their sectors of that day, up to its capacity', async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    // The modules' list counts it (its count had read 0 whatever the editions).
    const modules = (await worker.get('/api/support/trainings/modules').expect(200)).body.items;
    expect(modules.find((x: { id: string }) => x.id === m.id)).toMatchObject({ editions: 1 });
    expect(e).toMatchObject({
      organiser: 'smes',
      partner: null,
      format: 'video',
      fee: '40.00',
      days: ['2026-10-06', '2026-10-13'],
      participants: 0,
      module: { titleFr: 'Santé mentale et précarité' },
    });
    const a = await register(e.id, alice, { registeredOn: '2026-09-20' });
    expect(a).toMatchObject({
      person: { id: alice, lastName: 'Fictive' },
      organisation: { id: cpas },
      sectorIds: [homeless],
      fee: '40.00',
      payment: null,
    });
    const again = await worker
      .post(`/api/support/trainings/editions/${e.id}/participants`, { personId: alice, organisationId: cpas })
      .expect(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'taken' })]);
    // The organisation changes sector afterwards: the participant keeps the sectors of that day.
    const org = (await worker.get(`/api/organisations/${cpas}`).expect(200)).body;
    await worker
      .patch(`/api/organisations/${cpas}`, { sectorIds: [housing] }, `"v${org.version}"`)
      .expect(200);
    await worker
      .post(`/api/support/trainings/editions/${e.id}/participants`, { personId: bruno, organisationId: cpas })
      .expect(201);
    const carol = (
      await worker.post('/api/people', { firstName: 'Carla', lastName: 'Imaginaire' }).expect(201)
    ).body.id;
    const full = await worker
      .post(`/api/support/trainings/editions/${e.id}/participants`, { personId: carol, organisationId: cpas })
      .expect(409);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'editionId', code: 'editionFull' })]);
    const read = (await worker.get(`/api/support/trainings/editions/${e.id}`).expect(200)).body;
    expect(read.participants).toBe(2);
    expect(read.participantList.map((p: { sectorIds: string[] }) => p.sectorIds)).toEqual([
      [homeless],
      [housing],
    ]);
    await worker.patch(`/api/organisations/${cpas}`, { sectorIds: [homeless] }).expect(200);
  });

  it('records who was present each day (everyone, then one), and refuses someone not registered', async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    const ids = [];
    for (const personId of [alice, bruno]) ids.push((await register(e.id, personId)).id);
    const [first, second] = e.sessions;
    const all = await worker
      .put(`/api/support/trainings/editions/${e.id}/sessions/${first.id}/attendance`, { participantIds: ids })
      .expect(200);
    expect(all.body.sessions[0].presentIds.sort()).toEqual([...ids].sort());
    const one = await worker
      .put(`/api/support/trainings/editions/${e.id}/sessions/${second.id}/attendance`, {
        participantIds: [ids[1]],
      })
      .expect(200);
    expect(one.body.sessions.map((s: { presentIds: string[] }) => s.presentIds.length)).toEqual([2, 1]);
    const stranger = await worker
      .put(`/api/support/trainings/editions/${e.id}/sessions/${second.id}/attendance`, {
        participantIds: [e.id],
      })
      .expect(400);
    expect(stranger.body.errors).toEqual([
      expect.objectContaining({ field: 'participantIds/0', code: 'unknownReference' }),
    ]);
    // A day with attendance cannot be taken away; a day without it can, and a new one added.
    const kept = await worker
      .patch(`/api/support/trainings/editions/${e.id}`, { days: ['2026-10-06'] })
      .expect(409);
    expect(kept.body.errors).toEqual([expect.objectContaining({ field: 'days', code: 'hasAttendance' })]);
    await worker
      .put(`/api/support/trainings/editions/${e.id}/sessions/${second.id}/attendance`, { participantIds: [] })
      .expect(200);
    const moved = await worker
      .patch(`/api/support/trainings/editions/${e.id}`, { days: ['2026-10-06', '2026-10-20'] })
      .expect(200);
    expect(moved.body.days).toEqual(['2026-10-06', '2026-10-20']);
    expect(moved.body.sessions[0]).toMatchObject({ id: first.id, presentIds: expect.any(Array) });
  });

  it("records the fee's payment with If-Match (the fee by default) and undoes it", async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    const p = await register(e.id, alice);
    const paid = await worker
      .patch(
        `/api/support/trainings/participants/${p.id}`,
        { payment: { paidOn: '2026-10-01', method: 'transfer' } },
        `"v${p.version}"`,
      )
      .expect(200);
    expect(paid.body.payment).toEqual({
      paidOn: '2026-10-01',
      amount: '40.00',
      method: 'transfer',
      reference: null,
    });
    const lines = (await admin.get('/api/money-lines', { from: '2026-10-01', to: '2026-10-01' }).expect(200))
      .body;
    expect(lines.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'support.trainings.fees',
          recordKind: 'support_training_participant',
          recordId: p.id,
          amount: '40.00',
          counterparty: expect.objectContaining({ id: cpas }),
        }),
      ]),
    );
    const stale = await worker
      .patch(`/api/support/trainings/participants/${p.id}`, { payment: null }, `"v${p.version}"`)
      .expect(412);
    // Not a logged read: the participant without the person (ids and version only), as for an edition.
    expect(stale.body.current).toEqual({ id: p.id, version: paid.body.version, editionId: p.editionId });
    expect(JSON.stringify(stale.body)).not.toContain(p.person.lastName);
    const undone = await worker
      .patch(`/api/support/trainings/participants/${p.id}`, { payment: null })
      .expect(200);
    expect(undone.body.payment).toBeNull();
  });
});

describe('an erased person', () => {
  it('cannot be added as a participant (409 erased), and nothing is added', async () => {
    const id = (await worker.post('/api/people', { firstName: 'Eliane', lastName: 'Gommée' }).expect(201))
      .body.id as string;
    await admin.post(`/api/people/${id}/erasure`, {}).expect(200);
    const m = await newModule();
    const e = await newEdition(m.id);
    const refused = await worker
      .post(`/api/support/trainings/editions/${e.id}/participants`, { personId: id, organisationId: cpas })
      .expect(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'erased' })]);
    const after = (await worker.get(`/api/support/trainings/editions/${e.id}`).expect(200)).body;
    expect(after.participants).toBe(0);
  });
});

describe('an edition by a partner', () => {
  it('names its partner and may count its participants without naming them', async () => {
    const m = await newModule();
    const missing = await worker
      .post('/api/support/trainings/editions', { ...smesEdition(m.id), organiser: 'partner' })
      .expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'partnerOrganisationId', code: 'required' }),
    ]);
    const counted = await worker
      .post('/api/support/trainings/editions', smesEdition(m.id, { participantCount: 8 }))
      .expect(400);
    expect(counted.body.errors).toEqual([
      expect.objectContaining({ field: 'participantCount', code: 'notAllowed' }),
    ]);
    const e = (
      await worker
        .post('/api/support/trainings/editions', {
          moduleId: m.id,
          organiser: 'partner',
          partnerOrganisationId: federation,
          format: 'in_person',
          place: '  Rue Imaginaire 1, Bruxelles ',
          days: ['2026-11-05'],
          participantCount: 8,
        })
        .expect(201)
    ).body;
    expect(e).toMatchObject({
      partner: { id: federation, nameFr: 'Fédération Exemple' },
      place: 'Rue Imaginaire 1, Bruxelles',
      participants: 8,
      participantCount: 8,
      fee: null,
    });
    const named = await worker
      .post(`/api/support/trainings/editions/${e.id}/participants`, { personId: alice, organisationId: cpas })
      .expect(409);
    expect(named.body.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'notAllowed' })]);
    const listed = (await worker.get('/api/support/trainings/editions', { moduleId: m.id }).expect(200)).body
      .items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const inPeriod = (
      await worker
        .get('/api/support/trainings/editions', { from: '2026-11-01', to: '2026-11-30' })
        .expect(200)
    ).body.items;
    expect(inPeriod.map((x: { id: string }) => x.id)).toContain(e.id);
    const out = (
      await worker
        .get('/api/support/trainings/editions', { from: '2026-12-01', to: '2026-12-31' })
        .expect(200)
    ).body.items;
    expect(out.map((x: { id: string }) => x.id)).not.toContain(e.id);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await worker
      .post('/api/support/trainings/editions', {
        moduleId: federation,
        organiser: 'smes',
        format: 'video',
        days: [],
      })
      .expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('days');
    const unknown = await worker.post('/api/support/trainings/editions', smesEdition(federation)).expect(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'moduleId', code: 'unknownReference' }),
    ]);
  });
});

describe('privacy', () => {
  it('adding a participant answers the participant and logs that read (nothing read before)', async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    const p = await register(e.id, alice);
    const log = (
      await admin.get('/api/access-log', { kind: 'support_training_participant', recordId: p.id }).expect(200)
    ).body.items;
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'support_training_participant',
        purpose: 'follow_up',
        recordIds: [p.id],
      }),
    ]);
  });

  it('an edition (it names its participants) is read with a purpose, and the read is logged', async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    const p = await register(e.id, alice);
    const bare = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth, {
      purpose: null,
    });
    const refused = await bare.get(`/api/support/trainings/editions/${e.id}`).expect(400);
    expect(refused.body).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    await worker.get(`/api/support/trainings/editions/${e.id}`).expect(200);
    const log = (
      await admin.get('/api/access-log', { kind: 'support_training_participant', recordId: p.id }).expect(200)
    ).body.items;
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'follow_up' })]));
  });

  it('a Connect worker or coordinator, a Housing First worker, the accountant get nothing; anonymous neither', async () => {
    const m = await newModule();
    const e = await newEdition(m.id);
    const p = await register(e.id, alice);
    const calls = (who: ReturnType<typeof as>) => [
      () => who.get('/api/support/trainings/modules'),
      () => who.get(`/api/support/trainings/modules/${m.id}`),
      () => who.post('/api/support/trainings/modules', { titleFr: 'x', titleNl: 'y' }),
      () => who.patch(`/api/support/trainings/modules/${m.id}`, { titleFr: 'x' }),
      () => who.get('/api/support/trainings/editions'),
      () => who.get(`/api/support/trainings/editions/${e.id}`),
      () => who.post('/api/support/trainings/editions', smesEdition(m.id)),
      () => who.patch(`/api/support/trainings/editions/${e.id}`, { place: 'x' }),
      () =>
        who.post(`/api/support/trainings/editions/${e.id}/participants`, {
          personId: bruno,
          organisationId: cpas,
        }),
      () => who.patch(`/api/support/trainings/participants/${p.id}`, { payment: null }),
      () =>
        who.put(`/api/support/trainings/editions/${e.id}/sessions/${e.sessions[0].id}/attendance`, {
          participantIds: [p.id],
        }),
    ];
    for (const role of [
      { role: 'worker' as const, poles: ['connect' as const] },
      { role: 'coordinator' as const, poles: ['connect' as const] },
      { role: 'worker' as const, poles: ['housing_first' as const] },
      { role: 'accountant' as const },
    ]) {
      const other = as(t.app, (await signedIn(t.app, role)).auth);
      for (const [i, call] of calls(other).entries()) {
        const res = await call();
        expect(res.status, `${JSON.stringify(role)} call ${i}`).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('Fictive');
      }
    }
    for (const [i, call] of calls(as(t.app, 'Bearer nope')).entries()) {
      expect((await call()).status, `anonymous call ${i}`).toBe(401);
    }
    const now = (await worker.get(`/api/support/trainings/editions/${e.id}`).expect(200)).body;
    expect(now).toMatchObject({ version: e.version, participants: 1, place: null });
    expect(now.sessions[0].presentIds).toEqual([]);
    void supertest;
  });
});
