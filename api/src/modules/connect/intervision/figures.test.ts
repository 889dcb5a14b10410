import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleFigures, FigureRecord, FigureRecordPage, Pole, Role } from '@smes/shared';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';
import { computeValues } from '../../reports/figures/engine.js';

/**
 * The cycle figures checked against a small cycle counted by hand from the definitions in
 * `CycleFigures` (shared/src/intervision.ts), not from the implementation.
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
const api = () => supertest(t.app.server);
const post = async (url: string, body: Record<string, unknown>) => {
  const res = await api().post(url).set('authorization', auth).send(body);
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
};
const patch = async (url: string, body: Record<string, unknown>) => {
  const res = await api().patch(url).set('authorization', auth).send(body);
  if (res.status !== 200) throw new Error(`PATCH ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};
const put = async (url: string, body: Record<string, unknown>) => {
  const res = await api().put(url).set('authorization', auth).send(body);
  if (res.status !== 200) throw new Error(`PUT ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};
const figuresOf = (cycleId: string, a = auth) =>
  api().get(`/api/intervision/cycles/${cycleId}/figures`).set('authorization', a);

/** The ids of a figure's records, sorted, to compare as sets. */
const ids = (records: FigureRecord[]) => records.map((r) => r.id).sort();
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
    paidOn: '2026-09-21',
    paymentReference: 'VIR-2026-001',
  });
  await patch(`/api/intervision/registrations/${reg.rNlKastanje}`, {
    paidOn: '2026-09-22',
    paymentReference: 'VIR-2026-002',
  });
  await patch(`/api/intervision/registrations/${reg.rNlWilg}`, {
    paidOn: '2026-09-18',
    paymentReference: 'VIR-2026-003',
  });
  // Booked on the wrong registration, then undone: not received.
  await patch(`/api/intervision/registrations/${reg.rFrErable}`, { paidOn: '2026-09-23' });
  await patch(`/api/intervision/registrations/${reg.rFrErable}`, { paidOn: null, paymentReference: null });

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
  await patch(`/api/intervision/registrations/${reg.prevTilleul}`, { paidOn: '2025-09-30' });
  await patch(`/api/intervision/registrations/${reg.prevVlier}`, { paidOn: '2025-10-01' });
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
      (await api().get(`/api/intervision/groups/${grp[key]}`).set('authorization', auth).expect(200)).body;
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
    const paid = (d: { registrations: { id: string; paidOn: string | null }[] }) =>
      d.registrations.filter((r) => r.paidOn).map((r) => r.id);
    expect(sorted([...paid(fr), ...paid(nl)])).toEqual(
      sorted([reg.rFrTilleul!, reg.rNlKastanje!, reg.rNlWilg!]),
    );
  });
});

describe('GET /api/intervision/cycles/{id}/figures', () => {
  let f: CycleFigures;
  beforeAll(async () => {
    const res = await figuresOf(cycle.id as string);
    expect(res.status).toBe(200);
    f = res.body as CycleFigures;
  });

  it('names the cycle', () => {
    expect(f.cycle).toEqual(cycle);
  });

  it('counts the groups, and those with a session held in person or by video', () => {
    // fr(1) + nl(1) + never(1) = 3
    expect(f.groups.value).toBe(3);
    expect(ids(f.groups.records)).toEqual(sorted([grp.fr!, grp.nl!, grp.never!]));
    expect(f.groups.records.every((r) => r.kind === 'intervision_group')).toBe(true);
    // fr (sFr1 held, sFr2 by video) + nl (sNl1, sNl2 held) = 2; never: only cancelled/planned
    expect(f.groupsHeld.value).toBe(2);
    expect(ids(f.groupsHeld.records)).toEqual(sorted([grp.fr!, grp.nl!]));
  });

  it('counts as participants the registrations neither waiting nor withdrawn, and withdrawn ones once present', () => {
    // fr: rFrTilleul, rFrErable (2; rFrBeuk withdrawn never present, rFrSaule waiting)
    // + nl: rNlTilleul, rNlKastanje, rNlPlatane (withdrawn, present at sNl1) (3; rNlWilg withdrawn never present)
    // + never: rNeverPeuplier (1; registered, even though the group never met)
    // = 2 + 3 + 1 = 6
    expect(f.participants.value).toBe(6);
    expect(ids(f.participants.records)).toEqual(
      sorted([
        reg.rFrTilleul!,
        reg.rFrErable!,
        reg.rNlTilleul!,
        reg.rNlKastanje!,
        reg.rNlPlatane!,
        reg.rNeverPeuplier!,
      ]),
    );
    expect(f.participants.records.every((r) => r.kind === 'intervision_registration')).toBe(true);
    const groupOf = Object.fromEntries(f.participants.records.map((r) => [r.id, r.groupId]));
    expect(groupOf[reg.rFrErable!]).toBe(grp.fr);
    expect(groupOf[reg.rNlPlatane!]).toBe(grp.nl);
    expect(groupOf[reg.rNeverPeuplier!]).toBe(grp.never);
  });

  it("counts the participants' distinct organisations as institutions", () => {
    // tilleul (rFrTilleul + rNlTilleul: one institution) + erable + kastanje + platane + peuplier = 5
    // (saule waiting, beuk and wilg withdrawn and never present: not institutions)
    expect(f.institutions.value).toBe(5);
    expect(ids(f.institutions.records)).toEqual(
      sorted([org.tilleul!, org.erable!, org.kastanje!, org.platane!, org.peuplier!]),
    );
    expect(f.institutions.records.every((r) => r.kind === 'organisation')).toBe(true);
    const label = (id: string) => {
      const r = f.institutions.records.find((x) => x.id === id)!;
      return [r.fr, r.nl];
    };
    expect(label(org.tilleul!)).toEqual(['Maison Tilleul', 'Huis Linde']);
    // One name only: the same in both languages.
    expect(label(org.kastanje!)).toEqual(['Huis Kastanje', 'Huis Kastanje']);
    expect(label(org.erable!)).toEqual(['Centre Érable', 'Centre Érable']);
  });

  it("counts the institutions' distinct sectors", () => {
    // tilleul: mental_health, homeless; erable: addiction; kastanje: general_social;
    // platane: justice; peuplier: mental_health (again) -> 2 + 1 + 1 + 1 + 0 = 5
    expect(f.sectors.value).toBe(5);
    expect(ids(f.sectors.records)).toEqual(
      sorted([
        sector.mental_health!,
        sector.homeless!,
        sector.addiction!,
        sector.general_social!,
        sector.justice!,
      ]),
    );
    expect(f.sectors.records.every((r) => r.kind === 'sector')).toBe(true);
    const mental = f.sectors.records.find((r) => r.id === sector.mental_health)!;
    expect([mental.fr, mental.nl]).toEqual(['Santé mentale', 'Geestelijke gezondheidszorg']);
  });

  it('counts the sessions held in person, by video, cancelled and still planned apart', () => {
    const s = f.sessions;
    // sFr1 + sNl1 + sNl2 = 3
    expect(s.held.value).toBe(3);
    expect(ids(s.held.records)).toEqual(sorted([ses.sFr1!, ses.sNl1!, ses.sNl2!]));
    // sFr2 = 1
    expect(s.heldVideo.value).toBe(1);
    expect(ids(s.heldVideo.records)).toEqual([ses.sFr2]);
    // sFr3 + sNever1 + sNever2 = 3
    expect(s.cancelled.value).toBe(3);
    expect(ids(s.cancelled.records)).toEqual(sorted([ses.sFr3!, ses.sNever1!, ses.sNever2!]));
    // sFr4 + sNl3 + sNever3 = 3
    expect(s.planned.value).toBe(3);
    expect(ids(s.planned.records)).toEqual(sorted([ses.sFr4!, ses.sNl3!, ses.sNever3!]));
    const all = [...s.held.records, ...s.heldVideo.records, ...s.cancelled.records, ...s.planned.records];
    expect(all.every((r) => r.kind === 'intervision_session')).toBe(true);
    const groupOf = Object.fromEntries(all.map((r) => [r.id, r.groupId]));
    expect(groupOf[ses.sFr3!]).toBe(grp.fr);
    expect(groupOf[ses.sNl2!]).toBe(grp.nl);
    expect(groupOf[ses.sNever1!]).toBe(grp.never);
  });

  it('counts participants per sector, an institution in two sectors in each, share of all participants', () => {
    const rows = f.bySector.filter((r) => r.participants > 0);
    const bySector = Object.fromEntries(rows.map((r) => [r.sectorId, r]));
    expect(Object.keys(bySector).sort()).toEqual(
      sorted([
        sector.mental_health!,
        sector.homeless!,
        sector.addiction!,
        sector.general_social!,
        sector.justice!,
      ]),
    );
    // mental_health: rFrTilleul + rNlTilleul (tilleul) + rNeverPeuplier (peuplier) = 3; 3/6 = 0.5
    expect(bySector[sector.mental_health!]).toMatchObject({
      participants: 3,
      share: 0.5,
      fr: 'Santé mentale',
      nl: 'Geestelijke gezondheidszorg',
    });
    expect(ids(bySector[sector.mental_health!]!.records)).toEqual(
      sorted([reg.rFrTilleul!, reg.rNlTilleul!, reg.rNeverPeuplier!]),
    );
    // homeless: rFrTilleul + rNlTilleul = 2; 2/6 = 0.33333… -> 0.3333
    expect(bySector[sector.homeless!]).toMatchObject({ participants: 2, share: 0.3333 });
    expect(ids(bySector[sector.homeless!]!.records)).toEqual(sorted([reg.rFrTilleul!, reg.rNlTilleul!]));
    // addiction: rFrErable = 1; 1/6 = 0.16666… -> 0.1667
    expect(bySector[sector.addiction!]).toMatchObject({ participants: 1, share: 0.1667 });
    expect(ids(bySector[sector.addiction!]!.records)).toEqual([reg.rFrErable]);
    // general_social: rNlKastanje = 1 -> 0.1667
    expect(bySector[sector.general_social!]).toMatchObject({ participants: 1, share: 0.1667 });
    // justice: rNlPlatane (withdrawn, present once) = 1 -> 0.1667
    expect(bySector[sector.justice!]).toMatchObject({ participants: 1, share: 0.1667 });
    expect(ids(bySector[sector.justice!]!.records)).toEqual([reg.rNlPlatane]);
    // 3 + 2 + 1 + 1 + 1 = 8 > 6 participants: the shares add up to more than 1.
    expect(rows.reduce((n, r) => n + r.participants, 0)).toBe(8);
    // The sectors of the waiting and withdrawn-never-present organisations have no participants.
    for (const code of ['youth', 'migrants', 'housing', 'disability']) {
      expect(f.bySector.find((r) => r.sectorId === sector[code])?.participants ?? 0).toBe(0);
    }
  });

  it("invoices the participants' fees plus any other fee paid, and receives the fees paid", () => {
    // participants: rFrTilleul 120 + rFrErable 150 + rNlTilleul 120 + rNlKastanje 150
    //   + rNlPlatane 150 + rNeverPeuplier 120 = 810
    // other fee paid: rNlWilg 150 (paid, then withdrawn, never present) -> 810 + 150 = 960
    // (rFrBeuk withdrawn unpaid, rFrSaule waiting unpaid: not invoiced)
    expect(f.fees.invoiced.amount).toBe('960.00');
    expect(ids(f.fees.invoiced.records)).toEqual(
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
    // paid: rFrTilleul 120 + rNlKastanje 150 + rNlWilg 150 = 420 (rFrErable's payment was undone)
    expect(f.fees.received.amount).toBe('420.00');
    expect(ids(f.fees.received.records)).toEqual(sorted([reg.rFrTilleul!, reg.rNlKastanje!, reg.rNlWilg!]));
    expect(f.fees.received.records.every((r) => r.kind === 'intervision_registration')).toBe(true);
  });

  it('lists as unpaid exactly what is invoiced and not received', async () => {
    // invoiced 960 - received 420 = 540: rFrErable 150 (payment undone), rNlTilleul 120,
    // rNlPlatane 150 (withdrawn after attending), rNeverPeuplier 120
    const unpaid = await api()
      .get('/api/intervision/registrations')
      .query({ cycleId: cycle.id as string, unpaid: true })
      .set('authorization', auth)
      .expect(200);
    expect(unpaid.body.totalFees).toBe('540.00');
    expect(unpaid.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      sorted([reg.rFrErable!, reg.rNlTilleul!, reg.rNlPlatane!, reg.rNeverPeuplier!]),
    );
  });

  it("counts the other cycle's data in that cycle only", async () => {
    const res = await figuresOf(previousCycle.id as string);
    expect(res.status).toBe(200);
    const p = res.body as CycleFigures;
    expect(p.cycle.name).toBe('2025-2026');
    expect(p.groups.value).toBe(1); // prev
    expect(ids(p.groups.records)).toEqual([grp.prev]);
    expect(p.groupsHeld.value).toBe(1); // prev (prev1 held)
    // prevTilleul + prevVlier + prevErable (withdrawn, present at prev1) = 3
    expect(p.participants.value).toBe(3);
    expect(ids(p.participants.records)).toEqual(sorted([reg.prevTilleul!, reg.prevVlier!, reg.prevErable!]));
    // tilleul + vlier + erable = 3
    expect(p.institutions.value).toBe(3);
    expect(ids(p.institutions.records)).toEqual(sorted([org.tilleul!, org.vlier!, org.erable!]));
    // mental_health + homeless (tilleul) + disability (vlier) + addiction (erable) = 4
    expect(p.sectors.value).toBe(4);
    expect(p.sessions.held.value).toBe(1); // prev1
    expect(p.sessions.heldVideo.value).toBe(1); // prev2
    expect(p.sessions.cancelled.value).toBe(1); // prev3
    expect(ids(p.sessions.cancelled.records)).toEqual([ses.prev3]);
    expect(p.sessions.planned.value).toBe(1); // prev4
    // each sector: 1 participant of 3 -> 0.3333
    expect(
      p.bySector
        .filter((r) => r.participants > 0)
        .map((r) => [r.sectorId, r.participants, r.share])
        .sort(),
    ).toEqual(
      [
        [sector.mental_health, 1, 0.3333],
        [sector.homeless, 1, 0.3333],
        [sector.disability, 1, 0.3333],
        [sector.addiction, 1, 0.3333],
      ].sort(),
    );
    // 120 (prevTilleul) + 150 (prevVlier) + 150 (prevErable) = 420
    expect(p.fees.invoiced.amount).toBe('420.00');
    // paid: 120 (prevTilleul) + 150 (prevVlier) = 270
    expect(p.fees.received.amount).toBe('270.00');
    expect(ids(p.fees.received.records)).toEqual(sorted([reg.prevTilleul!, reg.prevVlier!]));
  });

  it('are all zero for a cycle with nothing in it yet', async () => {
    const res = await figuresOf(emptyCycle.id as string);
    expect(res.status).toBe(200);
    const e = res.body as CycleFigures;
    for (const figure of [
      e.groups,
      e.groupsHeld,
      e.participants,
      e.institutions,
      e.sectors,
      e.sessions.held,
      e.sessions.heldVideo,
      e.sessions.cancelled,
      e.sessions.planned,
    ]) {
      expect(figure).toEqual({ value: 0, records: [] });
    }
    expect(e.bySector.filter((r) => r.participants > 0)).toEqual([]);
    expect(e.fees.invoiced).toEqual({ amount: '0.00', records: [] });
    expect(e.fees.received).toEqual({ amount: '0.00', records: [] });
  });
});

describe('who reads the figures', () => {
  it('a Connect worker reads them', async () => {
    const worker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth;
    const res = await figuresOf(cycle.id as string, worker);
    expect(res.status).toBe(200);
    expect(res.body.participants.value).toBe(6);
  });

  it('a Support worker is refused, and nobody without a token', async () => {
    const support = (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth;
    expect((await figuresOf(cycle.id as string, support)).status).toBe(403);
    expect((await api().get(`/api/intervision/cycles/${cycle.id as string}/figures`)).status).toBe(401);
  });

  it('an unknown cycle is not found', async () => {
    expect((await figuresOf('0b9e3c1e-5d0a-4b8e-9f00-7c2d3a4b5c6d')).status).toBe(404);
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
    const res = await api()
      .get(`/api/figures/connect.intervision.${id}/records`)
      .query({ ...scopeOf(c), pageSize: 200 })
      .set('authorization', a);
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
    const res = await api()
      .get('/api/figures/connect.intervision.participants/breakdown/sector')
      .query(scopeOf(cycle))
      .set('authorization', auth)
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

  it('a Connect worker opens the participants; the board and a Support worker read values only', async () => {
    const worker = (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth;
    expect((await recordsOf('participants', cycle, worker)).total).toBe(6);
    const actors: { role: Role; poles: Pole[] }[] = [
      { role: 'board', poles: [] },
      { role: 'worker', poles: ['support'] },
    ];
    for (const actor of actors) {
      const a = (await signedIn(t.app, actor)).auth;
      const records = await api()
        .get('/api/figures/connect.intervision.participants/records')
        .query(scopeOf(cycle))
        .set('authorization', a);
      expect(records.status).toBe(403);
      const values = await api()
        .get('/api/figures/values')
        .query({ ...scopeOf(cycle), ids: 'connect.intervision.participants' })
        .set('authorization', a)
        .expect(200);
      expect(values.body.values[0].value).toBe(6);
    }
  });
});
