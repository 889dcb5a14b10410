import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRecordPage, Pole, Role } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';
import { computeValues } from '../../reports/figures/engine.js';

/**
 * The cycle figures checked against a small cycle counted by hand from the definitions (decision
 * 9, intervision's figures.ts), not from the implementation.
 *
 * Cycle "2026-2027" (default fees: members €120, others €150)
 *
 * Organisations (member = fee 120, else 150):
 *   tilleul   Maison Tilleul / Huis Linde   mental_health + homeless   member
 *   kastanje  Huis Kastanje (NL name only)  general_social
 *   erable    Centre Érable                 addiction
 *   wilg      Wijkhuis Wilg                 housing
 *   saule     Atelier Saule                 youth
 *   beuk      Dienst Beuk                   migrants
 *   platane   Service Platane               justice
 *   peuplier  Maison Peuplier               mental_health              member
 *
 * Groups: fr (FR, capacity 3), nl (NL), never (FR, never meets).
 *
 * Registrations             group  org       status     fee  paid  present at
 *   rFrTilleul               fr     tilleul   registered 120  yes   sFr1, sFr2
 *   rFrErable                fr     erable    registered 150  no*   sFr1         (*paid, then undone)
 *   rFrBeuk                  fr     beuk      withdrawn  150  no    never
 *   rFrSaule                 fr     saule     waiting    150  no    never        (group full: 3/3)
 *   rNlTilleul               nl     tilleul   registered 120  no    sNl1, sNl2
 *   rNlKastanje              nl     kastanje  registered 150  yes   sNl1, sNl2
 *   rNlPlatane               nl     platane   withdrawn  150  no    sNl1
 *   rNlWilg                  nl     wilg      withdrawn  150  yes   never        (paid, then withdrew)
 *   rNeverPeuplier           never  peuplier  registered 120  no    (no session held)
 *
 * Sessions: fr: sFr1 held, sFr2 held_video, sFr3 cancelled, sFr4 planned;
 *           nl: sNl1 held, sNl2 held, sNl3 planned;
 *           never: sNever1 cancelled, sNever2 cancelled, sNever3 planned.
 *
 * A previous cycle "2025-2026" has its own group, sessions and registrations (some from the same
 * organisations, one from an organisation in a sector cycle 2026-2027 does not have), and a
 * cycle "2027-2028" has nothing yet.
 */

let t: TestApp;
let auth: string;
const post = async (url: string, body: Record<string, unknown>) => {
  const res = await as(t.app, auth).post(url, body);
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
};
const patch = async (url: string, body: Record<string, unknown>) => {
  const res = await as(t.app, auth).patch(url, body);
  if (res.status !== 200) throw new Error(`PATCH ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};
const put = async (url: string, body: Record<string, unknown>) => {
  const res = await as(t.app, auth).put(url, body);
  if (res.status !== 200) throw new Error(`PUT ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};
const sorted = (xs: string[]) => [...xs].sort();

const sector: Record<string, string> = {};
const org: Record<string, string> = {};
const grp: Record<string, string> = {};
const reg: Record<string, string> = {};
const ses: Record<string, string> = {};
let cycle: Record<string, unknown>;
let previousCycle: Record<string, unknown>;
let emptyCycle: Record<string, unknown>;

async function organisation(key: string, names: { nameFr?: string; nameNl?: string }, sectors: string[]) {
  org[key] = (await post('/api/organisations', { ...names, sectorIds: sectors.map((s) => sector[s]) })).id;
}

async function register(key: string, group: string, orgKey: string, firstName: string, lastName: string) {
  const personId = (
    await post('/api/people', { firstName, lastName, affiliations: [{ organisationId: org[orgKey] }] })
  ).id;
  const body = await post('/api/intervision/registrations', {
    groupId: grp[group],
    personId,
    organisationId: org[orgKey],
    registeredOn: group.startsWith('prev') ? '2025-09-10' : '2026-09-07',
  });
  reg[key] = body.id;
  return body;
}

async function group(key: string, cycleId: string, extra: Record<string, unknown>) {
  grp[key] = (
    await post('/api/intervision/groups', {
      cycleId,
      kind: 'intersectoral',
      startTime: '13:30',
      endTime: '16:30',
      facilitatorIds: [],
      ...extra,
    })
  ).id;
}

async function session(
  key: string,
  groupKey: string,
  startsOn: string,
  status: 'planned' | 'held' | 'held_video' | 'cancelled',
  cancelReason?: string,
) {
  ses[key] = (await post('/api/intervision/sessions', { groupId: grp[groupKey], startsOn })).id;
  if (status !== 'planned') {
    await patch(`/api/intervision/sessions/${ses[key]}`, {
      status,
      ...(cancelReason ? { cancelReason } : {}),
    });
  }
}

const attend = (sessionKey: string, regKeys: string[]) =>
  put(`/api/intervision/sessions/${ses[sessionKey]}/attendance`, {
    registrationIds: regKeys.map((k) => reg[k]),
  });

beforeAll(async () => {
  t = await createTestApp();
  auth = (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth;
  for (const code of [
    'mental_health',
    'homeless',
    'general_social',
    'addiction',
    'housing',
    'youth',
    'migrants',
    'justice',
    'disability',
  ]) {
    sector[code] = await refId(t.app, auth, 'sector', code);
  }

  await organisation('tilleul', { nameFr: 'Maison Tilleul', nameNl: 'Huis Linde' }, [
    'mental_health',
    'homeless',
  ]);
  await organisation('kastanje', { nameNl: 'Huis Kastanje' }, ['general_social']);
  await organisation('erable', { nameFr: 'Centre Érable' }, ['addiction']);
  await organisation('wilg', { nameNl: 'Wijkhuis Wilg' }, ['housing']);
  await organisation('saule', { nameFr: 'Atelier Saule' }, ['youth']);
  await organisation('beuk', { nameNl: 'Dienst Beuk' }, ['migrants']);
  await organisation('platane', { nameFr: 'Service Platane' }, ['justice']);
  await organisation('peuplier', { nameFr: 'Maison Peuplier' }, ['mental_health']);
  await organisation('vlier', { nameNl: 'Huis Vlier' }, ['disability']);
  await post('/api/members', { organisationId: org.tilleul, startsOn: '2020-01-01' });
  await post('/api/members', { organisationId: org.peuplier, startsOn: '2026-01-01' });

  // ---- Cycle 2026-2027 -------------------------------------------------------------------
  cycle = await post('/api/intervision/cycles', {
    name: '2026-2027',
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
  });
  const cycleId = cycle.id as string;
  await group('fr', cycleId, { name: 'Groupe du jeudi', language: 'fr', weekday: 4, capacity: 3 });
  await group('nl', cycleId, { name: 'Groep van dinsdag', language: 'nl', weekday: 2 });
  await group('never', cycleId, { name: 'Groupe du lundi', language: 'fr', weekday: 1 });

  expect(await register('rFrTilleul', 'fr', 'tilleul', 'Anouk', 'Verbeeck')).toMatchObject({
    status: 'registered',
    fee: '120.00',
  });
  expect(await register('rFrErable', 'fr', 'erable', 'Yasmina', 'Haddad')).toMatchObject({
    status: 'registered',
    fee: '150.00',
  });
  expect(await register('rFrBeuk', 'fr', 'beuk', 'Pieter', 'Goossens')).toMatchObject({
    status: 'registered',
    fee: '150.00',
  });
  // Three registered in a group of three: the fourth waits.
  expect(await register('rFrSaule', 'fr', 'saule', 'Inès', 'Lambert')).toMatchObject({
    status: 'waiting',
    fee: '150.00',
  });
  expect(await register('rNlTilleul', 'nl', 'tilleul', 'Lotte', 'Claes')).toMatchObject({
    status: 'registered',
    fee: '120.00',
  });
  expect(await register('rNlKastanje', 'nl', 'kastanje', 'Sofie', 'Maes')).toMatchObject({
    status: 'registered',
    fee: '150.00',
  });
  expect(await register('rNlPlatane', 'nl', 'platane', 'Olivier', 'Renard')).toMatchObject({
    status: 'registered',
    fee: '150.00',
  });
  expect(await register('rNlWilg', 'nl', 'wilg', 'Eline', 'Wouters')).toMatchObject({
    status: 'registered',
    fee: '150.00',
  });
  expect(await register('rNeverPeuplier', 'never', 'peuplier', 'Clara', 'Moreau')).toMatchObject({
    status: 'registered',
    fee: '120.00',
  });

  await session('sFr1', 'fr', '2026-09-24', 'held');
  await session('sFr2', 'fr', '2026-10-22', 'held_video');
  await session('sFr3', 'fr', '2026-11-19', 'cancelled', 'Grève des transports');
  await session('sFr4', 'fr', '2026-12-17', 'planned');
  await session('sNl1', 'nl', '2026-09-29', 'held');
  await session('sNl2', 'nl', '2026-10-27', 'held');
  await session('sNl3', 'nl', '2026-12-01', 'planned');
  await session('sNever1', 'never', '2026-09-28', 'cancelled', 'Animatrice malade');
  await session('sNever2', 'never', '2026-10-26', 'cancelled', "Trop peu d'inscrits");
  await session('sNever3', 'never', '2026-12-14', 'planned');

  await attend('sFr1', ['rFrTilleul', 'rFrErable']);
  await attend('sFr2', ['rFrTilleul']);
  await attend('sNl1', ['rNlTilleul', 'rNlKastanje', 'rNlPlatane']);
  await attend('sNl2', ['rNlTilleul', 'rNlKastanje']);

  await patch(`/api/intervision/registrations/${reg.rFrTilleul}`, {
    payment: { paidOn: '2026-09-21', method: 'transfer', reference: 'VIR-2026-001' },
  });
  await patch(`/api/intervision/registrations/${reg.rNlKastanje}`, {
    payment: { paidOn: '2026-09-22', method: 'transfer', reference: 'VIR-2026-002' },
  });
  await patch(`/api/intervision/registrations/${reg.rNlWilg}`, {
    payment: { paidOn: '2026-09-18', method: 'transfer', reference: 'VIR-2026-003' },
  });
  // Booked on the wrong registration, then undone: not received.
  await patch(`/api/intervision/registrations/${reg.rFrErable}`, {
    payment: { paidOn: '2026-09-23', method: 'cash' },
  });
  await patch(`/api/intervision/registrations/${reg.rFrErable}`, { payment: null });

  await patch(`/api/intervision/registrations/${reg.rFrBeuk}`, { withdrawnOn: '2026-09-20' });
  await patch(`/api/intervision/registrations/${reg.rNlPlatane}`, { withdrawnOn: '2026-10-05' });
  await patch(`/api/intervision/registrations/${reg.rNlWilg}`, { withdrawnOn: '2026-09-25' });

  // ---- Cycle 2025-2026: its own data, none of which may show in 2026-2027 -----------------
  previousCycle = await post('/api/intervision/cycles', {
    name: '2025-2026',
    startsOn: '2025-09-01',
    endsOn: '2026-08-31',
  });
  await group('prev', previousCycle.id as string, {
    name: 'Groupe du mercredi',
    language: 'fr',
    weekday: 3,
  });
  expect(await register('prevTilleul', 'prev', 'tilleul', 'Nadia', 'Dubois')).toMatchObject({
    fee: '120.00',
  });
  expect(await register('prevVlier', 'prev', 'vlier', 'Jef', 'Peeters')).toMatchObject({ fee: '150.00' });
  expect(await register('prevErable', 'prev', 'erable', 'Mathis', 'Lemaire')).toMatchObject({
    fee: '150.00',
  });
  await session('prev1', 'prev', '2025-10-15', 'held');
  await session('prev2', 'prev', '2025-11-19', 'held_video');
  await session('prev3', 'prev', '2025-12-17', 'cancelled', 'Salle indisponible');
  await session('prev4', 'prev', '2026-06-17', 'planned');
  await attend('prev1', ['prevTilleul', 'prevVlier', 'prevErable']);
  await patch(`/api/intervision/registrations/${reg.prevTilleul}`, {
    payment: { paidOn: '2025-09-30', method: 'transfer' },
  });
  await patch(`/api/intervision/registrations/${reg.prevVlier}`, {
    payment: { paidOn: '2025-10-01', method: 'transfer' },
  });
  await patch(`/api/intervision/registrations/${reg.prevErable}`, { withdrawnOn: '2025-11-01' });

  emptyCycle = await post('/api/intervision/cycles', {
    name: '2027-2028',
    startsOn: '2027-09-01',
    endsOn: '2028-08-31',
  });
});
afterAll(() => t.close());

describe('the fixture', () => {
  it('is what the hand counts assume (statuses, attendance)', async () => {
    const detail = async (key: string) =>
      (await as(t.app, auth).get(`/api/intervision/groups/${grp[key]}`).expect(200)).body;
    const fr = await detail('fr');
    const status = (d: { registrations: { id: string; status: string }[] }) =>
      Object.fromEntries(d.registrations.map((r) => [r.id, r.status]));
    expect(status(fr)).toEqual({
      [reg.rFrTilleul!]: 'registered',
      [reg.rFrErable!]: 'registered',
      [reg.rFrBeuk!]: 'withdrawn',
      [reg.rFrSaule!]: 'waiting',
    });
    const nl = await detail('nl');
    expect(status(nl)).toEqual({
      [reg.rNlTilleul!]: 'registered',
      [reg.rNlKastanje!]: 'registered',
      [reg.rNlPlatane!]: 'withdrawn',
      [reg.rNlWilg!]: 'withdrawn',
    });
    const attendance = (d: { sessions: { id: string; attendance: string[] }[] }, key: string) =>
      sorted(d.sessions.find((s) => s.id === ses[key])!.attendance);
    expect(attendance(nl, 'sNl1')).toEqual(sorted([reg.rNlTilleul!, reg.rNlKastanje!, reg.rNlPlatane!]));
    expect(attendance(fr, 'sFr1')).toEqual(sorted([reg.rFrTilleul!, reg.rFrErable!]));
    const paid = (d: { registrations: { id: string; payment: object | null }[] }) =>
      d.registrations.filter((r) => r.payment).map((r) => r.id);
    expect(sorted([...paid(fr), ...paid(nl)])).toEqual(
      sorted([reg.rFrTilleul!, reg.rNlKastanje!, reg.rNlWilg!]),
    );
  });
});

describe('the same figures from the engine: the cycle is a period with the cycle filter', () => {
  const scopeOf = (c: Record<string, unknown>) => ({
    from: c.startsOn as string,
    to: c.endsOn as string,
    cycleId: c.id as string,
  });
  const valuesOf = async (c: Record<string, unknown>) => {
    const { from, to, cycleId } = scopeOf(c);
    const values = await computeValues(t.app.countingDb, { from, to, filters: { cycleId } });
    return Object.fromEntries(
      values.filter((v) => v.id.startsWith('connect.intervision.')).map((v) => [v.id.slice(20), v.value]),
    );
  };
  const recordsOf = async (id: string, c: Record<string, unknown>, a = auth) => {
    const res = await as(t.app, a).get(`/api/figures/connect.intervision.${id}/records`, {
      ...scopeOf(c),
      pageSize: 200,
    });
    expect(res.status, id).toBe(200);
    return res.body as FigureRecordPage;
  };
  const recordIds = (page: FigureRecordPage) => page.items.map((r) => r.id).sort();

  it('counts what the hand counts above say, below HTTP', async () => {
    expect(await valuesOf(cycle)).toEqual({
      groups: 3,
      'groups-held': 2,
      participants: 6,
      // rFrTilleul, rNlTilleul, rNeverPeuplier at the member rate: 3 of 6
      'participants-member-rate': 0.5,
      institutions: 5,
      sectors: 5,
      'sessions-held': 3,
      'sessions-held-video': 1,
      'sessions-cancelled': 3,
      'sessions-planned': 3,
      'fees-invoiced': 960,
      'fees-received': 420,
      // 960 - 420: what the unpaid list totals
      'fees-outstanding': 540,
    });
  });

  it('opens each figure to the same records as before', async () => {
    expect(recordIds(await recordsOf('groups', cycle))).toEqual(sorted([grp.fr!, grp.nl!, grp.never!]));
    expect(recordIds(await recordsOf('groups-held', cycle))).toEqual(sorted([grp.fr!, grp.nl!]));
    const participants = await recordsOf('participants', cycle);
    expect(participants.total).toBe(6);
    expect(recordIds(participants)).toEqual(
      sorted([
        reg.rFrTilleul!,
        reg.rFrErable!,
        reg.rNlTilleul!,
        reg.rNlKastanje!,
        reg.rNlPlatane!,
        reg.rNeverPeuplier!,
      ]),
    );
    expect(recordIds(await recordsOf('institutions', cycle))).toEqual(
      sorted([org.tilleul!, org.erable!, org.kastanje!, org.platane!, org.peuplier!]),
    );
    expect(recordIds(await recordsOf('sectors', cycle))).toEqual(
      sorted([
        sector.mental_health!,
        sector.homeless!,
        sector.addiction!,
        sector.general_social!,
        sector.justice!,
      ]),
    );
    expect(recordIds(await recordsOf('sessions-held', cycle))).toEqual(
      sorted([ses.sFr1!, ses.sNl1!, ses.sNl2!]),
    );
    expect(recordIds(await recordsOf('sessions-held-video', cycle))).toEqual([ses.sFr2]);
    expect(recordIds(await recordsOf('sessions-cancelled', cycle))).toEqual(
      sorted([ses.sFr3!, ses.sNever1!, ses.sNever2!]),
    );
    expect(recordIds(await recordsOf('sessions-planned', cycle))).toEqual(
      sorted([ses.sFr4!, ses.sNl3!, ses.sNever3!]),
    );
    expect(recordIds(await recordsOf('fees-invoiced', cycle))).toEqual(
      sorted([
        reg.rFrTilleul!,
        reg.rFrErable!,
        reg.rNlTilleul!,
        reg.rNlKastanje!,
        reg.rNlPlatane!,
        reg.rNeverPeuplier!,
        reg.rNlWilg!,
      ]),
    );
    expect(recordIds(await recordsOf('fees-received', cycle))).toEqual(
      sorted([reg.rFrTilleul!, reg.rNlKastanje!, reg.rNlWilg!]),
    );
  });

  it("pages the participants in their organisation's name order, each once, an organisation across pages", async () => {
    const all = await recordsOf('participants', cycle);
    expect(all.items.map((r) => r.organisation?.name.fr ?? r.organisation?.name.nl)).toEqual([
      'Centre Érable',
      'Huis Kastanje',
      'Maison Peuplier',
      'Maison Tilleul',
      'Maison Tilleul',
      'Service Platane',
    ]);
    // Within an organisation, by the person's last name (Claes before Verbeeck).
    expect(all.items.slice(3, 5).map((r) => r.name)).toEqual(['Lotte Claes', 'Anouk Verbeeck']);
    for (const pageSize of [1, 2, 4]) {
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(6 / pageSize) + 1; page++) {
        const res = await as(t.app, auth).get('/api/figures/connect.intervision.participants/records', {
          ...scopeOf(cycle),
          pageSize,
          page,
        });
        expect(res.status).toBe(200);
        // Past the last page: no record, the same total.
        expect((res.body as FigureRecordPage).total, `page ${page} of ${pageSize}`).toBe(6);
        seen.push(...(res.body as FigureRecordPage).items.map((r) => r.id));
      }
      expect(seen, `pages of ${pageSize}`).toEqual(all.items.map((r) => r.id));
    }
  });

  it("sorts the organisations' names in Dutch for a Dutch reader, across pages", async () => {
    const inDutch = async (page: number, pageSize: number) => {
      const res = await as(t.app, auth).get('/api/figures/connect.intervision.participants/records', {
        ...scopeOf(cycle),
        locale: 'nl',
        page,
        pageSize,
      });
      expect(res.status).toBe(200);
      return (res.body as FigureRecordPage).items;
    };
    const all = await inDutch(1, 200);
    // Maison Tilleul is Huis Linde in Dutch: between Kastanje and Peuplier, not after Peuplier.
    expect(all.map((r) => r.organisation?.name.nl ?? r.organisation?.name.fr)).toEqual([
      'Centre Érable',
      'Huis Kastanje',
      'Huis Linde',
      'Huis Linde',
      'Maison Peuplier',
      'Service Platane',
    ]);
    const paged = [...(await inDutch(1, 4)), ...(await inDutch(2, 4))];
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    const institutions = await as(t.app, auth).get('/api/figures/connect.intervision.institutions/records', {
      ...scopeOf(cycle),
      locale: 'nl',
    });
    expect(
      (institutions.body as FigureRecordPage).items.map((r) => {
        const name = r.name as { fr?: string; nl?: string };
        return name.nl ?? name.fr;
      }),
    ).toEqual(['Centre Érable', 'Huis Kastanje', 'Huis Linde', 'Maison Peuplier', 'Service Platane']);
  });

  it('names each record with structured data: ids, FR and NL names, ISO dates', async () => {
    const participants = await recordsOf('participants', cycle);
    expect(participants.items.find((r) => r.id === reg.rFrTilleul)).toEqual({
      kind: 'intervision_registration',
      id: reg.rFrTilleul,
      name: 'Anouk Verbeeck',
      date: '2026-09-07',
      parentId: grp.fr,
      organisation: { id: org.tilleul, name: { fr: 'Maison Tilleul', nl: 'Huis Linde' } },
      group: { id: grp.fr, name: 'Groupe du jeudi' },
      status: 'registered',
      amount: 120,
      // Paid in full (the payment's amount).
      paid: 120,
    });
    const kastanje = participants.items.find((r) => r.id === reg.rNlKastanje)!;
    expect(kastanje.organisation!.name).toEqual({ nl: 'Huis Kastanje' });
    const sessions = await recordsOf('sessions-cancelled', cycle);
    expect(sessions.items.find((s) => s.id === ses.sFr3)).toEqual({
      kind: 'intervision_session',
      id: ses.sFr3,
      name: 'Groupe du jeudi',
      date: '2026-11-19',
      parentId: grp.fr,
      group: { id: grp.fr, name: 'Groupe du jeudi' },
      status: 'cancelled',
    });
    const sectors = await recordsOf('sectors', cycle);
    expect(sectors.items.find((s) => s.id === sector.mental_health)!.name).toEqual({
      fr: 'Santé mentale',
      nl: 'Geestelijke gezondheidszorg',
    });
  });

  it('breaks the participants down by sector, an institution in two sectors in each', async () => {
    const res = await as(t.app, auth)
      .get('/api/figures/connect.intervision.participants/breakdown/sector', scopeOf(cycle))
      .expect(200);
    const rows = Object.fromEntries(
      (res.body.rows as { key: string; value: number; share: number }[]).map((r) => [
        r.key,
        [r.value, r.share],
      ]),
    );
    // As counted by hand above: 3 + 2 + 1 + 1 + 1 = 8 > 6 participants.
    expect(rows).toEqual({
      [sector.mental_health!]: [3, 0.5],
      [sector.homeless!]: [2, 0.3333],
      [sector.addiction!]: [1, 0.1667],
      [sector.general_social!]: [1, 0.1667],
      [sector.justice!]: [1, 0.1667],
    });
    // A row opens to its records: the homeless sector's two are Tilleul's.
    const homeless = await as(t.app, auth)
      .get('/api/figures/connect.intervision.participants/records', {
        ...scopeOf(cycle),
        dimension: 'sector',
        key: sector.homeless,
      })
      .expect(200);
    expect(homeless.body.total).toBe(2);
    expect(recordIds(homeless.body)).toEqual(sorted([reg.rFrTilleul!, reg.rNlTilleul!]));
    const half = await as(t.app, auth).get('/api/figures/connect.intervision.participants/records', {
      ...scopeOf(cycle),
      dimension: 'sector',
    });
    expect(half.status).toBe(400);
    expect(half.body.errors).toEqual([expect.objectContaining({ field: 'key' })]);
    // A page says how many participants there are in all, and so does a page past the last.
    const page = (n: number) =>
      as(t.app, auth)
        .get('/api/figures/connect.intervision.participants/records', {
          ...scopeOf(cycle),
          pageSize: 4,
          page: n,
        })
        .expect(200);
    const [first, second, past] = [(await page(1)).body, (await page(2)).body, (await page(3)).body];
    expect([first.total, second.total, past.total]).toEqual([6, 6, 6]);
    expect([first.items.length, second.items.length, past.items.length]).toEqual([4, 2, 0]);
  });

  it("counts the other cycle's data in that cycle only, and zeros for an empty cycle", async () => {
    expect(await valuesOf(previousCycle)).toMatchObject({
      groups: 1,
      'groups-held': 1,
      participants: 3,
      institutions: 3,
      sectors: 4,
      'sessions-held': 1,
      'sessions-held-video': 1,
      'sessions-cancelled': 1,
      'sessions-planned': 1,
      'fees-invoiced': 420,
      'fees-received': 270,
    });
    expect(await valuesOf(emptyCycle)).toEqual({
      groups: 0,
      'groups-held': 0,
      participants: 0,
      'participants-member-rate': null,
      institutions: 0,
      sectors: 0,
      'sessions-held': 0,
      'sessions-held-video': 0,
      'sessions-cancelled': 0,
      'sessions-planned': 0,
      'fees-invoiced': 0,
      'fees-received': 0,
      'fees-outstanding': 0,
    });
  });

  it('lists as unpaid exactly what is invoiced and not received', async () => {
    // invoiced 960 - received 420 = 540: rFrErable 150 (payment undone), rNlTilleul 120,
    // rNlPlatane 150 (withdrawn after attending), rNeverPeuplier 120
    const unpaid = await as(t.app, auth)
      .get('/api/intervision/registrations', { cycleId: cycle.id as string, unpaid: true })
      .expect(200);
    expect(unpaid.body.totalFees).toBe('540.00');
    expect(unpaid.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      sorted([reg.rFrErable!, reg.rNlTilleul!, reg.rNlPlatane!, reg.rNeverPeuplier!]),
    );
  });

  it('a Connect worker opens the participants; the board and a Support worker read values only', async () => {
    const worker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth;
    expect((await recordsOf('participants', cycle, worker)).total).toBe(6);
    const actors: { role: Role; poles: Pole[] }[] = [
      { role: 'board', poles: [] },
      { role: 'worker', poles: ['support'] },
    ];
    for (const actor of actors) {
      const a = (await signedIn(t.app, actor)).auth;
      const records = await as(t.app, a).get(
        '/api/figures/connect.intervision.participants/records',
        scopeOf(cycle),
      );
      expect(records.status).toBe(403);
      const values = await as(t.app, a)
        .get('/api/figures/values', { ...scopeOf(cycle), ids: 'connect.intervision.participants' })
        .expect(200);
      expect(values.body.values[0].value).toBe(6);
    }
    const anonymous = await t
      .http()
      .get('/api/figures/connect.intervision.participants/records')
      .query(scopeOf(cycle));
    expect(anonymous.status).toBe(401);
  });
});
