import { sql } from 'drizzle-orm';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser, signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { csv, importContext, importFile } from '../../../../test/helpers/imports.js';
import { refId } from '../../../../test/helpers/reference.js';
import type { ServiceContext } from '../../../types.js';
import { breakdown } from '../../reports/figures/engine.js';
import { importTemplate } from '../../platform/imports/service.js';

/**
 * The Support team's own request log, imported (decision 30): FR or NL headers, Belgian dates
 * and date-times, matched on the log's number or on day, requester and person's code, so a
 * second import changes nothing; row errors name the column; all or nothing; Support's alone.
 */
let t: TestApp;
let ctx: ServiceContext;
let worker: ReturnType<typeof as>;
let knownCode: string;
let cpasSector: string;

beforeAll(async () => {
  t = await createTestApp();
  // Imports are for coordinators (and administrators); a Support coordinator imports the log.
  const user = await makeUser(t.app, {
    role: 'coordinator',
    poles: ['support'],
    displayName: 'Lien Exemple',
  });
  ctx = importContext(t, user);
  const me = await signedIn(t.app, { role: 'worker', poles: ['support'], email: 'karim@smes.test' });
  worker = as(t.app, me.auth);
  cpasSector = await refId(t.app, me.auth, 'sector', 'general_social');
  const cpas = (
    await worker.post('/api/organisations', { nameFr: 'CPAS Exemple', sectorIds: [cpasSector] }).expect(201)
  ).body.id;
  const marthe = (
    await worker
      .post('/api/people', {
        firstName: 'Marthe',
        lastName: 'Exemplaire',
        email: 'marthe@cpas.example',
        affiliations: [{ organisationId: cpas }],
      })
      .expect(201)
  ).body.id;
  // A person concerned already known to the team: the log names them by their code.
  knownCode = (
    await worker
      .post('/api/support/requests', {
        receivedAt: '2024-01-08T09:00:00Z',
        channel: 'phone',
        requester: { kind: 'professional', personId: marthe, organisationId: cpas },
        person: { initials: 'A.B.' },
        impasse: 'Première demande, prise au téléphone.',
      })
      .expect(201)
  ).body.person.code;
}, 180_000);
afterAll(() => t.close());

const run = (bytes: Uint8Array, dryRun = false, name = 'registre.csv') =>
  importFile(t, ctx, 'support_requests', { name, bytes }, dryRun);
const requestCount = async () =>
  (
    (await t.superuser.execute(sql`select count(*)::int as n from support_requests`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;
const byLogNumber = async (n: string) =>
  (
    (await t.superuser.execute(
      sql`select r.*, p.code as person_code from support_requests r join support_persons p on p.id = r.person_id where r.log_number = ${n}`,
    )) as unknown as { rows: Record<string, unknown>[] }
  ).rows[0];

const FR_HEADER = [
  'N° de demande',
  'Reçue le',
  'Canal',
  'Type de demandeur',
  'Prénom du demandeur',
  'Nom du demandeur',
  'E-mail du demandeur',
  'Organisation du demandeur',
  'Rappeler au',
  'Code de la personne',
  'Impasse',
  'Statut',
  'Première réponse le',
  'Première réponse par',
  'Première réponse via',
  'Clôturée le',
  'Motif de clôture',
] as const;
/** A row of the log in FR_HEADER's order, from the cells named (the others empty). */
const logRow = (cells: Partial<Record<(typeof FR_HEADER)[number], string>>) =>
  FR_HEADER.map((column) => cells[column] ?? '');

describe('importing the request log', () => {
  it('previews, then lands every request with its requester, person and follow-up; twice changes nothing', async () => {
    const log = () =>
      csv([
        [...FR_HEADER],
        // A professional of the directory (by e-mail), a known person, answered and closed.
        logRow({
          'N° de demande': 'R-2024-001',
          'Reçue le': '04/03/2024 09:15',
          Canal: 'Téléphone',
          'Type de demandeur': 'Professionnelle',
          'E-mail du demandeur': 'marthe@cpas.example',
          'Organisation du demandeur': 'CPAS Exemple',
          'Code de la personne': knownCode,
          Impasse: 'Madame ne sort plus et refuse les visites.',
          Statut: 'Clôturé',
          'Première réponse le': '06/03/2024',
          'Première réponse par': 'Lien Exemple',
          'Première réponse via': 'tél',
          'Clôturée le': '20/03/2024',
          'Motif de clôture': 'Orienté',
        }),
        // A neighbour, no number, no code: a new pseudonymous person; summer time in Brussels.
        logRow({
          'Reçue le': '2024-07-05 14:00',
          Canal: 'en personne',
          'Type de demandeur': 'voisin',
          'Nom du demandeur': 'Le voisin du dessus',
          'Rappeler au': '0470 12 34 56',
          Impasse: 'Monsieur crie la nuit.',
        }),
        // The log's own code for a person new to the platform, a date only, an Excel day number.
        logRow({
          'N° de demande': 'R-2024-003',
          'Reçue le': '45383',
          Canal: 'mail',
          'Type de demandeur': 'professionnel',
          'Prénom du demandeur': 'Marthe',
          'Nom du demandeur': 'Exemplaire',
          'Organisation du demandeur': 'cpas exemple',
          'Code de la personne': 'LOG-17',
          Impasse: 'Situation bloquée au CPAS.',
          Statut: 'nouveau',
        }),
      ]);
    const before = await requestCount();

    const preview = await run(log(), true);
    expect(preview).toMatchObject({ status: 'preview', counts: { rows: 3, created: 3, rejected: 0 } });
    expect(preview.errors).toEqual([]);
    expect(preview.preview[0]!.label).toBe(
      `R-2024-001 · 04/03/2024 · ${knownCode} · Madame ne sort plus et refuse les visites.`,
    );
    expect(preview.preview[0]!.records).toEqual([{ kind: 'support_person', id: expect.any(String) }]);
    expect(preview.preview[2]!.label).toContain('LOG-17');
    expect(await requestCount()).toBe(before);

    const applied = await run(log());
    expect(applied).toMatchObject({ status: 'applied', counts: { created: 3, updated: 0, unchanged: 0 } });
    expect(await requestCount()).toBe(before + 3);

    const first = (await byLogNumber('R-2024-001'))!;
    expect(first).toMatchObject({
      channel: 'phone',
      requester_kind: 'professional',
      requester_sector_ids: [cpasSector],
      person_code: knownCode,
      status: 'closed',
      first_answer_on: '2024-03-06',
      first_answer_by: ctx.actor.id,
      first_answer_how: 'phone',
      closed_on: '2024-03-20',
      close_reason: 'referred',
      due_on: '2024-03-11',
    });
    // 09:15 in Brussels in winter is 08:15 UTC.
    expect(new Date(first.received_at as string).toISOString()).toBe('2024-03-04T08:15:00.000Z');
    const third = (await byLogNumber('R-2024-003'))!;
    expect(third).toMatchObject({ person_code: 'LOG-17', status: 'new', first_answer_on: null });
    expect(new Date(third.received_at as string).toISOString()).toBe('2024-03-31T22:00:00.000Z');

    const neighbour = (
      (await t.superuser.execute(
        sql`select r.*, p.code as person_code, p.initials from support_requests r join support_persons p on p.id = r.person_id where r.requester_kind = 'neighbour'`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(neighbour).toHaveLength(1);
    expect(neighbour[0]).toMatchObject({
      log_number: null,
      requester_name: 'Le voisin du dessus',
      requester_call_back: '0470 12 34 56',
      channel: 'in_person',
      initials: null,
    });
    expect(neighbour[0]!.person_code).toMatch(/^P-/);
    // 14:00 in Brussels in summer is 12:00 UTC.
    expect(new Date(neighbour[0]!.received_at as string).toISOString()).toBe('2024-07-05T12:00:00.000Z');

    // The same log again: every row found (by number, or by day, requester and person).
    const again = await run(log());
    expect(again).toMatchObject({ status: 'applied', counts: { created: 0, updated: 0, unchanged: 3 } });
    expect(await requestCount()).toBe(before + 3);
    expect(again.preview.every((p) => p.records?.some((r) => r.kind === 'support_request'))).toBe(true);
  });

  it('refuses the whole file when a row is wrong, naming the row and the column of each fault', async () => {
    const before = await requestCount();
    const report = await run(
      csv([
        [...FR_HEADER],
        logRow({
          'N° de demande': 'R-9-001',
          'Reçue le': '03/02/2025 10:00',
          Canal: 'téléphone',
          'Type de demandeur': 'professionnel',
          'E-mail du demandeur': 'marthe@cpas.example',
          'Organisation du demandeur': 'CPAS Exemple',
          Impasse: 'Une demande correcte.',
        }),
        logRow({
          'N° de demande': 'R-9-002',
          'Reçue le': '03/02/2025',
          Canal: 'fax',
          'Type de demandeur': 'professionnel',
          'E-mail du demandeur': 'marthe@cpas.example',
          'Organisation du demandeur': 'CPAS Inconnu',
          'Code de la personne': 'Jean Dupont',
          Impasse: 'Faute.',
        }),
        logRow({
          'N° de demande': 'R-9-003',
          'Reçue le': '31/02/2025',
          Canal: 'téléphone',
          'Type de demandeur': 'voisin',
          'Organisation du demandeur': 'CPAS Exemple',
          Impasse: 'Faute.',
          Statut: 'clôturé',
        }),
        logRow({
          'N° de demande': 'R-9-004',
          'Reçue le': '03/02/2025',
          Canal: 'téléphone',
          'Type de demandeur': 'ami',
          Impasse: 'Faute.',
          'Première réponse le': '01/02/2025',
          'Première réponse par': 'Quelqu’un',
          'Première réponse via': 'tél',
          'Clôturée le': '01/02/2025',
        }),
        logRow({
          'N° de demande': 'R-9-001',
          'Reçue le': '04/02/2025',
          Canal: 'téléphone',
          'Type de demandeur': 'ami',
          Impasse: 'Deux fois le même numéro.',
        }),
      ]),
    );
    expect(report.status).toBe('rejected');
    expect(report.counts).toMatchObject({ rows: 5, created: 0, rejected: 4 });
    const faults = report.errors.map((e) => [e.row, e.column, e.code]);
    expect(faults).toEqual(
      expect.arrayContaining([
        [3, 'Canal', 'invalid'],
        [3, 'Organisation du demandeur', 'unknownReference'],
        [3, 'Code de la personne', 'format'],
        [4, 'Reçue le', 'invalid'],
        [5, 'Première réponse le', 'beforeReceived'],
        [5, 'Première réponse par', 'notSupportStaff'],
        [5, 'Clôturée le', 'beforeReceived'],
        [5, 'Motif de clôture', 'required'],
        [6, 'N° de demande', 'duplicateRow'],
      ]),
    );
    // A cell refused by its type names its column too, and nothing was written.
    expect(report.errors.find((e) => e.row === 4)).toMatchObject({ column: 'Reçue le', value: '31/02/2025' });
    expect(await requestCount()).toBe(before);
  });

  it('reads Dutch headers, and stamps the log number on a request it finds again by day and requester', async () => {
    expect(importTemplate('support_requests', 'nl').replace('\uFEFF', '').split(';').slice(0, 3)).toEqual([
      'Vraagnummer',
      'Ontvangen op',
      'Kanaal',
    ]);
    const row = (number: string) => [
      [
        'Vraagnummer',
        'Ontvangen op',
        'Kanaal',
        'Soort aanvrager',
        'Naam aanvrager',
        'Terugbellen op',
        'Knelpunt',
      ],
      [number, '12/11/2025 08:30', 'telefoon', 'familie', 'De zus', '02 123 45 67', 'Meneer eet niet meer.'],
    ];
    expect(await run(csv(row('')))).toMatchObject({ status: 'applied', counts: { created: 1 } });
    // The next export of the log numbers its rows: the request is found again and gets its number.
    const numbered = await run(csv(row('NL-44')));
    expect(numbered).toMatchObject({ status: 'applied', counts: { created: 0, updated: 1 } });
    expect(await byLogNumber('NL-44')).toMatchObject({
      requester_kind: 'relative',
      requester_name: 'De zus',
    });
    expect(await run(csv(row('NL-44')))).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 1 } });
  });

  it('finds a known person again when the log writes their code in lower case; creates nobody', async () => {
    const persons = async () =>
      (
        (await t.superuser.execute(sql`select count(*)::int as n from support_persons`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const [personsBefore, requestsBefore] = [await persons(), await requestCount()];
    const report = await run(
      csv([
        [
          'N° de demande',
          'Reçue le',
          'Canal',
          'Type de demandeur',
          'E-mail du demandeur',
          'Organisation du demandeur',
          'Code de la personne',
          'Impasse',
        ],
        [
          'R-LOW-1',
          '08/01/2024 10:00',
          'Téléphone',
          'Professionnelle',
          'marthe@cpas.example',
          'CPAS Exemple',
          knownCode.toLowerCase(),
          'Première demande, prise au téléphone.',
        ],
      ]),
    );
    expect(report).toMatchObject({ status: 'applied', counts: { created: 0 } });
    expect([await persons(), await requestCount()]).toEqual([personsBefore, requestsBefore]);
    expect(await byLogNumber('R-LOW-1')).toMatchObject({ person_code: knownCode });
  });
});

describe('an old log and sectors that changed since', () => {
  it('keeps the sectors the organisation had on the received day, and the figure counts it there', async () => {
    const housing = await refId(
      t.app,
      (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth,
      'sector',
      'housing',
    );
    const org = (
      await worker
        .post('/api/organisations', { nameFr: 'Logement Exemple', sectorIds: [housing] })
        .expect(201)
    ).body;
    await worker
      .post('/api/people', {
        firstName: 'Hugo',
        lastName: 'Fictif',
        email: 'hugo@logement.example',
        affiliations: [{ organisationId: org.id }],
      })
      .expect(201);
    // Years after the request, the organisation became a general social service.
    await worker
      .patch(`/api/organisations/${org.id}`, { sectorIds: [cpasSector] }, `"v${org.version}"`)
      .expect(200);

    const report = await run(
      csv([
        ['N° de demande', 'Reçue le', 'E-mail du demandeur', 'Organisation du demandeur', 'Impasse'],
        [
          'OLD-2019-1',
          '12/06/2019 10:00',
          'hugo@logement.example',
          'Logement Exemple',
          'Expulsion annoncée.',
        ],
      ]),
    );
    expect(report).toMatchObject({ status: 'applied', counts: { created: 1 } });
    expect((await byLogNumber('OLD-2019-1'))!.requester_sector_ids).toEqual([housing]);

    const b = await breakdown({
      db: t.app.countingDb,
      id: 'support.requests.new',
      dimension: 'sector',
      query: { from: '2019-01-01', to: '2019-12-31' },
    });
    expect(b.rows.map((r) => [r.key, r.value])).toEqual([[housing, 1]]);
  });
});

describe('the import over HTTP', () => {
  const post = (auth: string, bytes: Uint8Array, purpose: string | null = 'follow_up') => {
    const req = supertest(t.app.server)
      .post('/api/imports/support_requests')
      .query({ fileName: 'log.csv' })
      .set('authorization', auth)
      .set('content-type', 'text/csv');
    if (purpose) req.set('x-purpose', purpose);
    return req.send(Buffer.from(bytes));
  };

  it('lands whole for a Support coordinator with a purpose, logs what it names, changes nothing twice; Connect gets nothing', async () => {
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    const file = csv([
      [
        'N° de demande',
        'Reçue le',
        'Type de demandeur',
        'Nom du demandeur',
        'Code de la personne',
        'Impasse',
      ],
      [
        'H-1',
        '02/06/2025 11:00',
        'commerçant',
        'La boulangère',
        knownCode,
        'Monsieur dort devant la boutique.',
      ],
      ['H-2', '03/06/2025 11:00', 'ami', '', '', 'Madame ne répond plus.'],
    ]);
    // A sensitive read: no purpose, no import.
    const bare = await post(support.auth, file, null);
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('PURPOSE_REQUIRED');

    const first = await post(support.auth, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'applied', counts: { created: 2 } });
    const second = await post(support.auth, file);
    expect(second.body).toMatchObject({ status: 'applied', counts: { created: 0, unchanged: 2 } });
    // The second answer named both requests and their persons: the access log says who saw them.
    const h1 = second.body.preview[0].records.find((r: { kind: string }) => r.kind === 'support_request').id;
    const log = (await admin.get('/api/access-log', { kind: 'support_request', recordId: h1 }).expect(200))
      .body.items;
    expect(log).toEqual([expect.objectContaining({ userId: support.user.id, purpose: 'follow_up' })]);

    // Another pole's worker or coordinator may not run it, see its runs, its fields or its template.
    for (const who of [
      { role: 'worker', poles: ['connect'] },
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['housing_first'] },
    ] as const) {
      const other = await signedIn(t.app, { role: who.role, poles: [...who.poles] });
      const denied = await post(other.auth, file);
      expect(denied.status, JSON.stringify(who)).toBe(403);
      expect(JSON.stringify(denied.body)).not.toContain('boutique');
      const c = as(t.app, other.auth);
      const runs = await c.get('/api/imports');
      if (runs.status === 200)
        expect(runs.body.items.filter((r: { kind: string }) => r.kind === 'support_requests')).toEqual([]);
      else expect(runs.status).toBe(403);
      expect((await c.get('/api/imports/support_requests/fields')).status).toBe(403);
      expect((await c.get('/api/imports/support_requests/template', { lang: 'fr' })).status).toBe(403);
    }
    // Support sees its runs.
    const own = (await as(t.app, support.auth).get('/api/imports').expect(200)).body.items;
    expect(own.filter((r: { kind: string }) => r.kind === 'support_requests').length).toBeGreaterThanOrEqual(
      2,
    );
    const anonymous = await supertest(t.app.server)
      .post('/api/imports/support_requests')
      .query({ fileName: 'log.csv' })
      .set('content-type', 'text/csv')
      .send(Buffer.from(file));
    expect(anonymous.status).toBe(401);
  });
});
