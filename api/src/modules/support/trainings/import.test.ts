import { sql } from 'drizzle-orm';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { csv, importContext, importFile } from '../../../../test/helpers/imports.js';
import { refId } from '../../../../test/helpers/reference.js';
import type { ServiceContext } from '../../../types.js';
import { importTemplate } from '../../platform/imports/service.js';

/**
 * A training edition's participant list, imported: the edition named by its module's title and
 * one of its days, participants found in the directory, attendance per day; a second import
 * changes nothing; row errors name the column; all or nothing; Support's coordinators alone.
 */
let t: TestApp;
let ctx: ServiceContext;
let worker: ReturnType<typeof as>;
let homeless: string;
let housing: string;
let shelter: string;
let editionId: string;

beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.app, { role: 'coordinator', poles: ['support'] });
  ctx = importContext(t, user);
  const me = await signedIn(t.app, { role: 'worker', poles: ['support'] });
  worker = as(t.app, me.auth);
  homeless = await refId(t.app, me.auth, 'sector', 'homeless');
  housing = await refId(t.app, me.auth, 'sector', 'housing');
  const org = (
    await worker.post('/api/organisations', { nameFr: 'Abri Exemple', sectorIds: [housing] }).expect(201)
  ).body;
  shelter = org.id;
  for (const [firstName, lastName, email] of [
    ['Aline', 'Fictive', 'aline@abri.example'],
    ['Bram', 'Verzonnen', null],
    ['Carla', 'Imaginaire', null],
  ] as const)
    await worker
      .post('/api/people', {
        firstName,
        lastName,
        ...(email ? { email } : {}),
        affiliations: [{ organisationId: shelter }],
      })
      .expect(201);
  const m = (
    await worker
      .post('/api/support/trainings/modules', {
        titleFr: 'Santé mentale et précarité',
        titleNl: 'Geestelijke gezondheid en bestaansonzekerheid',
        themes: [],
      })
      .expect(201)
  ).body;
  editionId = (
    await worker
      .post('/api/support/trainings/editions', {
        moduleId: m.id,
        organiser: 'smes',
        format: 'in_person',
        place: 'Bruxelles',
        capacity: 10,
        fee: '40',
        days: ['2024-03-05', '2024-03-12'],
      })
      .expect(201)
  ).body.id;
  // The shelter became a homeless service after the training: its participants keep housing.
  await worker
    .patch(`/api/organisations/${shelter}`, { sectorIds: [homeless] }, `"v${org.version}"`)
    .expect(200);
}, 180_000);
afterAll(() => t.close());

const run = (bytes: Uint8Array, dryRun = false) =>
  importFile(t, ctx, 'support_training_participants', { name: 'liste.csv', bytes }, dryRun);
const participants = async () =>
  (
    (await t.superuser.execute(
      sql`select p.last_name, tp.sector_ids, tp.registered_on, tp.fee,
                 (select array_agg(s.held_on::text order by s.held_on) from support_training_attendance a
                    join support_training_sessions s on s.id = a.session_id where a.participant_id = tp.id) as days
            from support_training_participants tp join people p on p.id = tp.person_id
           where tp.edition_id = ${editionId} order by p.last_name`,
    )) as unknown as { rows: Record<string, unknown>[] }
  ).rows;

const FR = ['Formation', 'Date de la formation', 'Nom', 'Prénom', 'E-mail', 'Organisation', 'Présent·e les'];

describe('importing a participant list', () => {
  it('previews, then lands each participant with the sectors of that day and their days; twice changes nothing', async () => {
    expect(
      importTemplate('support_training_participants', 'fr').replace('\uFEFF', '').trim().split(';'),
    ).toEqual([...FR.slice(0, 6), 'Inscrit·e le', 'Présent·e les']);
    expect(importTemplate('support_training_participants', 'nl').replace('\uFEFF', '').split(';')[0]).toBe(
      'Opleiding',
    );
    const list = csv([
      FR,
      ['Santé mentale et précarité', '05/03/2024', '', '', 'aline@abri.example', 'Abri Exemple', 'toutes'],
      // The Dutch title, the edition's other day, the person by name, one day present.
      [
        'Geestelijke gezondheid en bestaansonzekerheid',
        '12/03/2024',
        'Verzonnen',
        'Bram',
        '',
        'abri exemple',
        '05/03/2024',
      ],
    ]);
    const preview = await run(list, true);
    expect(preview).toMatchObject({ status: 'preview', counts: { rows: 2, created: 2, rejected: 0 } });
    expect(preview.errors).toEqual([]);
    expect(preview.preview[1]!.label).toBe('Verzonnen Bram · Santé mentale et précarité · 12/03/2024');
    expect(await participants()).toEqual([]);

    expect(await run(list)).toMatchObject({ status: 'applied', counts: { created: 2 } });
    expect(await participants()).toEqual([
      {
        last_name: 'Fictive',
        sector_ids: [housing],
        registered_on: '2024-03-05',
        fee: '40.00',
        days: ['2024-03-05', '2024-03-12'],
      },
      {
        last_name: 'Verzonnen',
        sector_ids: [housing],
        registered_on: '2024-03-05',
        fee: '40.00',
        days: ['2024-03-05'],
      },
    ]);

    const again = await run(list);
    expect(again).toMatchObject({ status: 'applied', counts: { created: 0, updated: 0, unchanged: 2 } });
    expect(again.preview[0]!.records).toEqual([
      { kind: 'support_training_participant', id: expect.any(String) },
    ]);

    // A corrected list adds the day Bram was there too; what was recorded stays.
    const more = await run(
      csv([
        FR,
        [
          'Santé mentale et précarité',
          '05/03/2024',
          'Verzonnen',
          'Bram',
          '',
          'Abri Exemple',
          '05/03/2024, 12/03/2024',
        ],
      ]),
    );
    expect(more).toMatchObject({ status: 'applied', counts: { updated: 1 } });
    expect((await participants())[1]!.days).toEqual(['2024-03-05', '2024-03-12']);
  });

  it('refuses the whole list when a row is wrong, naming the row and the column of each fault', async () => {
    const before = await participants();
    const report = await run(
      csv([
        FR,
        ['Santé mentale et précarité', '05/03/2024', 'Imaginaire', 'Carla', '', 'Abri Exemple', ''],
        ['Santé mentale et précarité', '05/03/2024', 'Inconnue', 'Zoé', '', 'Abri Exemple', ''],
        ['Cuisine du monde', '05/03/2024', 'Imaginaire', 'Carla', '', 'Abri Exemple', ''],
        ['Santé mentale et précarité', '06/03/2024', 'Imaginaire', 'Carla', '', 'Abri Exemple', ''],
        ['Santé mentale et précarité', '05/03/2024', 'Imaginaire', 'Carla', '', 'Nulle Part', '19/03/2024'],
      ]),
    );
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      { row: 3, column: 'Nom', field: 'lastName', code: 'unknownReference', value: 'Zoé Inconnue' },
      { row: 4, column: 'Formation', field: 'module', code: 'unknownReference', value: 'Cuisine du monde' },
      {
        row: 5,
        column: 'Date de la formation',
        field: 'editionDay',
        code: 'unknownReference',
        value: '06/03/2024',
      },
      {
        row: 6,
        column: 'Organisation',
        field: 'organisation',
        code: 'unknownReference',
        value: 'Nulle Part',
      },
      { row: 6, column: 'Présent·e les', field: 'attendance', code: 'unknownReference', value: '19/03/2024' },
    ]);
    // Carla's good row did not land either.
    expect(await participants()).toEqual(before);
  });
});

describe('the import over HTTP', () => {
  const post = (auth: string, bytes: Uint8Array, purpose: string | null = 'follow_up') => {
    const req = supertest(t.app.server)
      .post('/api/imports/support_training_participants')
      .query({ fileName: 'liste.csv' })
      .set('authorization', auth)
      .set('content-type', 'text/csv');
    if (purpose) req.set('x-purpose', purpose);
    return req.send(Buffer.from(bytes));
  };
  const file = csv([
    FR,
    ['Santé mentale et précarité', '05/03/2024', 'Imaginaire', 'Carla', '', 'Abri Exemple', ''],
  ]);

  it('is for Support coordinators, with a purpose; Support workers and other poles are refused', async () => {
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    const bare = await post(support.auth, file, null);
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('PURPOSE_REQUIRED');
    for (const who of [
      { role: 'worker', poles: ['support'] },
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['housing_first'] },
    ] as const) {
      const other = await signedIn(t.app, { role: who.role, poles: [...who.poles] });
      expect((await post(other.auth, file)).status, JSON.stringify(who)).toBe(403);
    }
    const connect = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
    expect(
      (await connect.get('/api/imports/support_training_participants/template', { lang: 'fr' })).status,
    ).toBe(403);
    expect((await participants()).map((p) => p.last_name)).not.toContain('Imaginaire');

    const first = await post(support.auth, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'applied', counts: { created: 1 } });
    expect((await post(support.auth, file)).body).toMatchObject({ counts: { created: 0, unchanged: 1 } });
    const template = await as(t.app, support.auth)
      .get('/api/imports/support_training_participants/template', { lang: 'nl' })
      .expect(200);
    expect(template.text).toContain('Opleiding;Datum van de opleiding');
  });
});
