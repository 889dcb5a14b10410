import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
let coordinator: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
});
afterAll(() => t.close());
const create = (nameFr: string) =>
  as(t.app, coordinator.auth).post('/api/organisations', { nameFr }).expect(201);
const duplicatesOf = async (name: string) =>
  (
    await as(t.app, coordinator.auth).get('/api/organisations/duplicates', { name }).expect(200)
  ).body.items.map((o: { nameFr: string }) => o.nameFr) as string[];

/**
 * The examples the threshold was chosen on (decision 8): a name typed in the form, an
 * organisation already in the directory, and whether the form should say they may be one.
 */
const PAIRS: [typed: string, existing: string, alike: boolean][] = [
  ["Ilot maison d'accueil", "L'Îlot — Maison d'accueil Sainte-Élisabeth", true],
  ["L'Îlot Saint-Gilles", 'Ilot Saint Gilles asbl', true],
  ['Infirmiers de rue', 'Infirmiers de Rue - Straatverplegers', true],
  ['Le Foyer des jeunes', 'Foyer des Jeunes asbl', true],
  ['Centre Ariane', 'Ariane asbl', true],
  ["Pierre d'Angle", "Pierre d'angle - Accueil de nuit", true],
  ['Samusocial', 'SAMU social', true],
  ['Fami-Home', 'Famihome', true],
  ['Hobo dagcentrum', 'Hobo', true],
  ['Entraide des Marolles', "Entr'aide des Marolles asbl", true],
  ["Maison médicale d'Anderlecht", 'Maison Médicale Anderlecht', true],
  ["CPAS d'Ixelles", 'CPAS de Forest', false],
  ['OCMW Brussel', 'OCMW Anderlecht', false],
  ['CPAS de Saint-Gilles', 'CPAS de Saint-Josse-ten-Noode', false],
  ['CPAS de Forest', 'Maison médicale de Forest', false],
  ["Maison médicale d'Ixelles", 'Maison médicale de Forest', false],
  ['Maison médicale du Nord', 'Maison médicale du Midi', false],
  ["Maison d'accueil Sainte-Élisabeth", "Maison d'accueil Les Petits Riens", false],
  ['Huis voor Gezondheid', 'Huis van het Kind', false],
  ['CAW Brussel', 'CAW Brabant', false],
  ['Projet Lama', 'Projet Alba', false],
  ['Solidarité Logement', 'Solidarité Santé', false],
  ['Bruxelles Accueil', 'Bruxelles Laïque', false],
];

describe('near-duplicate organisations', () => {
  beforeAll(async () => {
    for (const [, existing] of PAIRS) await create(existing);
  });

  it.each(PAIRS)('"%s" typed beside "%s": flagged %s', async (typed, existing, alike) => {
    const found = await duplicatesOf(typed);
    if (alike) expect(found).toContain(existing);
    else expect(found).not.toContain(existing);
  });

  it('an import preview names the alike organisations of each new row, and warns of a postal code another commune has', async () => {
    const csv = [
      'Nom;Code postal;Commune',
      "Ilot maison d'accueil;1060;Saint-Gilles",
      "Service d'aide Ixelles;99999;Ixelles",
      'Nom sans pareil;1050;Elsene',
    ].join('\n');
    const res = await t
      .http()
      .post('/api/imports/organisations')
      .query({ fileName: 'partenaires.csv', dryRun: true })
      .set('authorization', coordinator.auth)
      .set('content-type', 'text/csv')
      .send(Buffer.from(csv));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('preview');
    const [ilot, ixelles, unique] = res.body.preview;
    expect(ilot.action).toBe('create');
    expect(ilot.candidates.map((c: { nameFr: string }) => c.nameFr)).toContain(
      "L'Îlot — Maison d'accueil Sainte-Élisabeth",
    );
    expect(ixelles.candidates ?? []).toEqual([]);
    expect(unique.candidates ?? []).toEqual([]);
    // Warned, not refused: the rows are still created.
    expect(res.body.counts).toMatchObject({ created: 3, rejected: 0 });
    expect(res.body.warnings).toEqual([
      { row: 3, field: 'postalCode', column: 'Code postal', code: 'postalCodeCommune', value: '99999' },
    ]);
  });
});
