import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { refId } from '../../../../test/helpers/reference.js';

/**
 * Support's training figures on the engine, against a fixture counted by hand from seed 001's
 * 2020 (two editions of "Mental health and precariousness", one by a federation in a room, one
 * by Smes by video, 16 participants). The report's sector shares fit no whole count: these are
 * what the records below say, counted by hand.
 */
let t: TestApp;
let s: ReturnType<typeof as>;
const sector: Record<string, string> = {};
let shelter: string;

const ids = 'support.trainings.editions,support.trainings.sessions,support.trainings.participants';
const values = async (from: string, to: string) =>
  Object.fromEntries(
    (
      (await s.get('/api/figures/values', { from, to, ids }).expect(200)).body.values as {
        id: string;
        value: number;
      }[]
    ).map((v) => [v.id, v.value]),
  );

beforeAll(async () => {
  t = await createTestApp();
  const me = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
  s = as(t.app, me.auth);
  for (const code of ['homeless', 'addiction', 'general_social', 'housing', 'general_health'])
    sector[code] = await refId(t.app, me.auth, 'sector', code);
  const org = async (nameFr: string, codes: string[]) =>
    (await s.post('/api/organisations', { nameFr, sectorIds: codes.map((c) => sector[c]) }).expect(201)).body
      .id as string;
  // Who came, by organisation (names invented): 6 + 3 + 3 + 1 + 2 + 1 = 16.
  const orgs: [string, number][] = [
    [await org('Abri de nuit Fictif', ['homeless']), 6],
    [await org('Centre Assuétudes Fictif', ['addiction']), 3],
    [await org('CPAS Fictif', ['general_social']), 3],
    [await org('AIS Fictive', ['housing']), 1],
    [await org('Maison médicale Fictive', ['general_health']), 2],
    [await org("Logement d'abord Fictif", ['homeless', 'housing']), 1],
  ];
  shelter = orgs[0]![0];
  const federation = await org('Fédération Fictive', []);
  const m = (
    await s
      .post('/api/support/trainings/modules', {
        titleFr: 'Santé mentale et précarité',
        titleNl: 'Geestelijke gezondheid en bestaansonzekerheid',
        themes: ['santé mentale', 'précarité'],
      })
      .expect(201)
  ).body;
  const byFederation = (
    await s
      .post('/api/support/trainings/editions', {
        moduleId: m.id,
        organiser: 'partner',
        partnerOrganisationId: federation,
        format: 'in_person',
        place: 'Salle Fictive, Bruxelles',
        days: ['2020-10-08', '2020-10-15'],
      })
      .expect(201)
  ).body;
  const bySmes = (
    await s
      .post('/api/support/trainings/editions', {
        moduleId: m.id,
        organiser: 'smes',
        format: 'video',
        capacity: 10,
        days: ['2020-11-19', '2020-11-26'],
      })
      .expect(201)
  ).body;
  let n = 0;
  for (const [organisationId, count] of orgs) {
    for (let i = 0; i < count; i++) {
      const personId = (
        await s
          .post('/api/people', {
            firstName: 'Participant',
            lastName: `Fictif ${++n}`,
            affiliations: [{ organisationId }],
          })
          .expect(201)
      ).body.id;
      // Eight in each edition.
      const edition = n <= 8 ? byFederation : bySmes;
      await s
        .post(`/api/support/trainings/editions/${edition.id}/participants`, { personId, organisationId })
        .expect(201);
    }
  }
  // Thirty-odd requests to set up: slow on a loaded machine.
}, 300_000);
afterAll(() => t.close());

describe("2020's trainings, counted by hand", () => {
  it('two editions, four days, sixteen participants', async () => {
    expect(await values('2020-01-01', '2020-12-31')).toEqual({
      'support.trainings.editions': 2,
      'support.trainings.sessions': 4,
      'support.trainings.participants': 16,
    });
    // The autumn only: the federation's edition (October) and its two days.
    expect(await values('2020-10-01', '2020-10-31')).toEqual({
      'support.trainings.editions': 1,
      'support.trainings.sessions': 2,
      'support.trainings.participants': 8,
    });
  });

  it('participants by sector, as shares (an organisation in two sectors counts in each)', async () => {
    const res = await s
      .get('/api/figures/support.trainings.participants/breakdown/sector', {
        from: '2020-01-01',
        to: '2020-12-31',
      })
      .expect(200);
    const byKey = Object.fromEntries(
      (res.body.rows as { key: string; value: number; share: number }[]).map((r) => [
        r.key,
        [r.value, r.share],
      ]),
    );
    expect(byKey).toEqual({
      [sector.homeless!]: [7, 0.4375],
      [sector.addiction!]: [3, 0.1875],
      [sector.general_social!]: [3, 0.1875],
      [sector.housing!]: [2, 0.125],
      [sector.general_health!]: [2, 0.125],
    });
  });

  it("counts participants in their organisation's sectors of the registration day, not today's", async () => {
    // The night shelter (six participants, homeless aid) becomes an addiction service afterwards.
    const moved = await s.patch(`/api/organisations/${shelter}`, { sectorIds: [sector.addiction] });
    expect(moved.status).toBe(200);
    const res = await s
      .get('/api/figures/support.trainings.participants/breakdown/sector', {
        from: '2020-01-01',
        to: '2020-12-31',
      })
      .expect(200);
    const byKey = Object.fromEntries(
      (res.body.rows as { key: string; value: number }[]).map((r) => [r.key, r.value]),
    );
    expect(byKey[sector.homeless!]).toBe(7);
    expect(byKey[sector.addiction!]).toBe(3);
    const homeless = await s
      .get('/api/figures/support.trainings.participants/records', {
        from: '2020-01-01',
        to: '2020-12-31',
        dimension: 'sector',
        key: sector.homeless,
        pageSize: 50,
      })
      .expect(200);
    expect(homeless.body.total).toBe(7);
  });

  it('each number opens its records: the participants, the editions', async () => {
    const people = (
      await s
        .get('/api/figures/support.trainings.participants/records', { from: '2020-01-01', to: '2020-12-31' })
        .expect(200)
    ).body;
    expect(people.total).toBe(16);
    expect(people.items).toHaveLength(16);
    expect(people.items[0]).toMatchObject({
      kind: 'support_training_participant',
      date: '2020-10-08',
      name: expect.stringMatching(/^Participant Fictif/),
    });
    const editions = (
      await s
        .get('/api/figures/support.trainings.editions/records', { from: '2020-01-01', to: '2020-12-31' })
        .expect(200)
    ).body;
    expect(editions.items.map((e: { name: { fr: string }; date: string }) => [e.name.fr, e.date])).toEqual([
      ['Santé mentale et précarité', '2020-10-08'],
      ['Santé mentale et précarité', '2020-11-19'],
    ]);
    const other = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['connect'] })).auth);
    await other
      .get('/api/figures/support.trainings.participants/records', { from: '2020-01-01', to: '2020-12-31' })
      .expect(403);
  });
});

describe("a partner's count, an edition across two years", () => {
  it('counts the people a partner counted without naming them, and an edition in the year of its first day', async () => {
    const m = (
      await s
        .post('/api/support/trainings/modules', {
          titleFr: 'Violence en institution',
          titleNl: 'Geweld in instellingen',
        })
        .expect(201)
    ).body;
    const partner = (await s.post('/api/organisations', { nameFr: 'Partenaire Fictif' }).expect(201)).body.id;
    await s
      .post('/api/support/trainings/editions', {
        moduleId: m.id,
        organiser: 'partner',
        partnerOrganisationId: partner,
        format: 'in_person',
        participantCount: 20,
        days: ['2021-12-16', '2022-01-13'],
      })
      .expect(201);
    expect(await values('2021-01-01', '2021-12-31')).toEqual({
      'support.trainings.editions': 1,
      'support.trainings.sessions': 1,
      'support.trainings.participants': 20,
    });
    expect(await values('2022-01-01', '2022-12-31')).toEqual({
      'support.trainings.editions': 0,
      'support.trainings.sessions': 1,
      'support.trainings.participants': 0,
    });
    const records = (
      await s
        .get('/api/figures/support.trainings.participants/records', { from: '2021-01-01', to: '2021-12-31' })
        .expect(200)
    ).body;
    expect(records.total).toBe(20);
    expect(records.items).toEqual([
      expect.objectContaining({
        kind: 'support_training_edition',
        name: { fr: 'Violence en institution', nl: 'Geweld in instellingen' },
        detail: '20 (Partenaire Fictif)',
      }),
    ]);
  });
});
