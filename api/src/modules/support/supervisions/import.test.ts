import { sql } from 'drizzle-orm';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { csv, importContext, importFile } from '../../../../test/helpers/imports.js';
import type { ServiceContext } from '../../../types.js';
import { importTemplate } from '../../platform/imports/service.js';

/**
 * A supervision's sessions, imported: the supervision named by organisation and team (the
 * agreement in force that day), the Support pair by e-mail or name, held or cancelled with a
 * reason, participants; a second import changes nothing; row errors name the column; all or
 * nothing; Support's coordinators alone.
 */
let t: TestApp;
let ctx: ServiceContext;
let ines: string;
let bram: string;
let older: string;
let newer: string;

beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.app, { role: 'coordinator', poles: ['support'] });
  ctx = importContext(t, user);
  ines = (
    await makeUser(t.app, {
      role: 'worker',
      poles: ['support'],
      displayName: 'Inès Fictive',
      email: 'ines@smes.test',
    })
  ).id;
  bram = (await makeUser(t.app, { role: 'worker', poles: ['support'], displayName: 'Bram Verzonnen' })).id;
  await makeUser(t.app, { role: 'worker', poles: ['connect'], displayName: 'Lore Exemple' });
  const sup = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
  const org = (await sup.post('/api/organisations', { nameFr: 'Maison Exemple' }).expect(201)).body.id;
  // Two agreements of the same team: a session belongs to the one in force that day.
  older = (
    await sup
      .post('/api/support/supervisions', {
        organisationId: org,
        team: 'Équipe de rue',
        startsOn: '2023-01-06',
      })
      .expect(201)
  ).body.id;
  newer = (
    await sup
      .post('/api/support/supervisions', {
        organisationId: org,
        team: 'Équipe de rue',
        startsOn: '2024-01-10',
      })
      .expect(201)
  ).body.id;
}, 180_000);
afterAll(() => t.close());

const run = (bytes: Uint8Array, dryRun = false) =>
  importFile(t, ctx, 'support_supervision_sessions', { name: 'seances.csv', bytes }, dryRun);
const sessions = async () =>
  (
    (await t.superuser.execute(
      sql`select supervision_id, starts_on, first_worker_id, second_worker_id, status, cancel_reason, participants
            from support_supervision_sessions order by starts_on`,
    )) as unknown as { rows: Record<string, unknown>[] }
  ).rows;

const FR = [
  'Organisation',
  'Équipe',
  'Date de la séance',
  'Intervenant·e 1',
  'Intervenant·e 2',
  'Statut',
  'Motif d’annulation',
  'Participant·es',
];

describe('importing supervision sessions', () => {
  it('previews, then lands each session under the agreement of its day; twice changes nothing', async () => {
    expect(
      importTemplate('support_supervision_sessions', 'fr').replace('\uFEFF', '').trim().split(';'),
    ).toEqual(FR);
    expect(importTemplate('support_supervision_sessions', 'nl').replace('\uFEFF', '').split(';')[2]).toBe(
      'Datum van de sessie',
    );
    const file = csv([
      FR,
      ['Maison Exemple', 'Équipe de rue', '14/03/2023', 'ines@smes.test', 'Bram Verzonnen', 'tenue', '', '7'],
      [
        'maison exemple',
        'equipe de rue',
        '2024-02-06',
        'Inès Fictive',
        'bram verzonnen',
        'annulée',
        'Grève',
        '',
      ],
      // No status: a past day was held.
      ['Maison Exemple', 'Équipe de rue', '05/03/2024', 'Bram Verzonnen', 'ines@smes.test', '', '', '9'],
    ]);
    const preview = await run(file, true);
    expect(preview).toMatchObject({ status: 'preview', counts: { rows: 3, created: 3, rejected: 0 } });
    expect(preview.errors).toEqual([]);
    expect(preview.preview[0]!.label).toBe('Maison Exemple · Équipe de rue · 14/03/2023');
    expect(await sessions()).toEqual([]);

    expect(await run(file)).toMatchObject({ status: 'applied', counts: { created: 3 } });
    expect(await sessions()).toEqual([
      {
        supervision_id: older,
        starts_on: '2023-03-14',
        first_worker_id: ines,
        second_worker_id: bram,
        status: 'held',
        cancel_reason: null,
        participants: 7,
      },
      {
        supervision_id: newer,
        starts_on: '2024-02-06',
        first_worker_id: ines,
        second_worker_id: bram,
        status: 'cancelled',
        cancel_reason: 'Grève',
        participants: null,
      },
      {
        supervision_id: newer,
        starts_on: '2024-03-05',
        first_worker_id: bram,
        second_worker_id: ines,
        status: 'held',
        cancel_reason: null,
        participants: 9,
      },
    ]);
    const again = await run(file);
    expect(again).toMatchObject({ status: 'applied', counts: { created: 0, updated: 0, unchanged: 3 } });
    expect(await sessions()).toHaveLength(3);
  });

  it('refuses the whole file when a row is wrong, naming the row and the column of each fault', async () => {
    const before = await sessions();
    const report = await run(
      csv([
        FR,
        ['Maison Exemple', 'Équipe de rue', '02/04/2024', 'Inès Fictive', 'Bram Verzonnen', 'tenue', '', '5'],
        ['Maison Exemple', 'Équipe du soir', '09/04/2024', 'Inès Fictive', 'Bram Verzonnen', '', '', ''],
        ['Maison Exemple', 'Équipe de rue', '16/04/2024', 'Lore Exemple', 'Bram Verzonnen', '', '', ''],
        [
          'Maison Exemple',
          'Équipe de rue',
          '23/04/2024',
          'Inès Fictive',
          'Bram Verzonnen',
          'annulée',
          '',
          '',
        ],
        [
          'Maison Exemple',
          'Équipe de rue',
          '30/04/2024',
          'Inès Fictive',
          'Bram Verzonnen',
          'peut-être',
          '',
          '',
        ],
        ['Maison Exemple', 'Équipe de rue', '02/04/2024', 'Inès Fictive', 'Bram Verzonnen', 'tenue', '', '5'],
      ]),
    );
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      { row: 3, column: 'Équipe', field: 'team', code: 'unknownReference', value: 'Équipe du soir' },
      {
        row: 4,
        column: 'Intervenant·e 1',
        field: 'firstWorker',
        code: 'notSupportStaff',
        value: 'Lore Exemple',
      },
      { row: 5, column: 'Motif d’annulation', field: 'cancelReason', code: 'required' },
      { row: 6, column: 'Statut', field: 'status', code: 'invalid', value: 'peut-être' },
      { row: 7, column: 'Date de la séance', field: 'startsOn', code: 'duplicateRow', value: '2' },
    ]);
    expect(await sessions()).toEqual(before);
  });
});

describe('the import over HTTP', () => {
  const file = csv([
    FR,
    ['Maison Exemple', 'Équipe de rue', '07/05/2024', 'Inès Fictive', 'Bram Verzonnen', 'tenue', '', '6'],
  ]);
  const post = (auth: string) =>
    supertest(t.app.server)
      .post('/api/imports/support_supervision_sessions')
      .query({ fileName: 'seances.csv' })
      .set('authorization', auth)
      .set('content-type', 'text/csv')
      .send(Buffer.from(file));

  it('is for Support coordinators; Support workers and other poles are refused', async () => {
    for (const who of [
      { role: 'worker', poles: ['support'] },
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['housing_first'] },
    ] as const) {
      const other = await signedIn(t.app, { role: who.role, poles: [...who.poles] });
      expect((await post(other.auth)).status, JSON.stringify(who)).toBe(403);
      expect(
        (
          await as(t.app, other.auth).get('/api/imports/support_supervision_sessions/template', {
            lang: 'fr',
          })
        ).status,
      ).toBe(403);
    }
    expect(await sessions()).toHaveLength(3);
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    expect((await post(support.auth)).body).toMatchObject({ status: 'applied', counts: { created: 1 } });
    expect((await post(support.auth)).body).toMatchObject({ status: 'applied', counts: { unchanged: 1 } });
  });
});
