import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { buildXlsx, windows1252, xlsxParts, zipParts } from './reader/test-fixtures.js';

let t: TestApp;
let coordinator: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
function upload(
  kind: string,
  fileName: string,
  bytes: Uint8Array,
  query: Record<string, unknown> = {},
  auth = coordinator.auth,
) {
  return supertest(t.app.server)
    .post(`/api/imports/${kind}`)
    .query({ fileName, ...query })
    .set('authorization', auth)
    .set('content-type', fileName.endsWith('.xlsx') ? XLSX : 'text/csv')
    .send(Buffer.from(bytes));
}
const search = (q: string) =>
  supertest(t.app.server)
    .get('/api/organisations')
    .query({ q, includeClosed: true })
    .set('authorization', coordinator.auth);

/** A partner's member list as Belgian Excel saves it: Dutch headers, a date cell, accents. */
const memberList = () =>
  buildXlsx({
    name: 'Leden',
    rows: [
      ['Referentie', 'Naam', 'Nom', 'Sector', 'Postcode', 'E-mail'],
      ['BXL-001', 'Het Eilandje', "L'Îlot", 'Thuislozenzorg; Santé mentale', '1080', 'info@eiland.example'],
      ['BXL-002', 'Huis Zonder Naam', null, 'geestelijke gezondheidszorg, Huisvesting', '1000', null],
      ['BXL-003', null, 'Maison Soleil', 'homeless', '1190', 'CONTACT@soleil.example'],
    ],
  });

describe('importing organisations', () => {
  it('a dry run shows what would happen and writes nothing', async () => {
    const res = await upload('organisations', 'leden.xlsx', memberList(), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'preview',
      runId: null,
      counts: { rows: 3, created: 3, rejected: 0 },
    });
    expect(res.body.columns).toContainEqual({ header: 'Naam', field: 'nameNl' });
    expect(res.body.preview.map((p: { label: string }) => p.label)).toEqual([
      "L'Îlot",
      'Huis Zonder Naam',
      'Maison Soleil',
    ]);
    expect((await search('ilot')).body.total).toBe(0);
  });

  it('lands a Belgian Excel file whole, then running it again changes nothing', async () => {
    // One file, uploaded twice: built once, so both runs see the very same bytes.
    const file = memberList();
    const first = await upload('organisations', 'leden.xlsx', file, { saveMapping: 'Partner Leden' });
    expect(first.body).toMatchObject({ status: 'applied', counts: { created: 3, updated: 0, unchanged: 0 } });
    const found = await search('ilot');
    expect(found.body.items).toHaveLength(1);
    const ilot = await supertest(t.app.server)
      .get(`/api/organisations/${found.body.items[0].id}`)
      .set('authorization', coordinator.auth);
    expect(ilot.body).toMatchObject({
      nameFr: "L'Îlot",
      nameNl: 'Het Eilandje',
      externalRef: 'BXL-001',
      email: 'info@eiland.example',
    });
    expect(ilot.body.sectors.map((s: { code: string }) => s.code).sort()).toEqual([
      'homeless',
      'mental_health',
    ]);
    expect(ilot.body.commune.labelNl).toBe('Sint-Jans-Molenbeek');

    const second = await upload('organisations', 'leden.xlsx', file);
    expect(second.body).toMatchObject({
      status: 'applied',
      counts: { created: 0, updated: 0, unchanged: 3 },
    });
    expect((await search('soleil')).body.total).toBe(1);

    const runs = await supertest(t.app.server).get('/api/imports').set('authorization', coordinator.auth);
    expect(runs.body.items[0]).toMatchObject({
      kind: 'organisations',
      status: 'applied',
      fileSha256: first.body.file.sha256,
    });
  });

  it('matches a row without reference on the folded name, and only filled cells change a record', async () => {
    const csv = 'Nom;Téléphone\r\nMAISON SOLEIL asbl;02 555 00 00\r\n';
    const res = await upload('organisations', 'maj.csv', new TextEncoder().encode(csv));
    expect(res.body.counts).toMatchObject({ created: 0, updated: 1 });
    const soleil = (await search('soleil')).body.items[0];
    const full = await supertest(t.app.server)
      .get(`/api/organisations/${soleil.id}`)
      .set('authorization', coordinator.auth);
    expect(full.body).toMatchObject({
      phone: '02 555 00 00',
      email: 'contact@soleil.example',
      externalRef: 'BXL-003',
    });
  });

  it('reads Windows-1252 CSV with ; and lists each refused row, column and reason; nothing lands', async () => {
    const csv = [
      'Référence;Nom;Secteurs;Code postal',
      'W-1;Café Social Élan;Santé mentale;1060',
      'W-2;;homeless;1060',
      'W-3;Le Phare;Astrologie;1050',
      'W-1;Doublon;homeless;1000',
    ].join('\r\n');
    const res = await upload('organisations', 'partenaire.csv', windows1252(csv));
    expect(res.body.file).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(res.body.status).toBe('rejected');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'nameFr', code: 'required' }),
      expect.objectContaining({ row: 4, column: 'Secteurs', code: 'unknownReference', value: 'Astrologie' }),
      expect.objectContaining({ row: 5, column: 'Référence', code: 'duplicateRow' }),
    ]);
    expect(res.body.counts).toMatchObject({ created: 0, rejected: 3 });
    expect((await search('elan')).body.total).toBe(0);
  });

  it('uses a saved mapping for a partner’s own column titles', async () => {
    const csv = 'Intitulé maison;Réf partenaire;Colonne inutile\r\nLa Clairière;CL-9;x\r\n';
    const unmapped = await upload('organisations', 'x.csv', new TextEncoder().encode(csv));
    expect(unmapped.body.status).toBe('rejected');
    expect(unmapped.body.errors).toEqual([expect.objectContaining({ row: 2, code: 'required' })]);

    const saved = await supertest(t.app.server)
      .put('/api/imports/organisations/mappings/Partenaire Clairière')
      .set('if-none-match', '*')
      .set('authorization', coordinator.auth)
      .send({
        columns: { 'Intitulé maison': 'nameFr', 'Réf partenaire': 'externalRef', 'Colonne inutile': '' },
      });
    expect(saved.status).toBe(200);
    const res = await upload('organisations', 'x.csv', new TextEncoder().encode(csv), {
      mapping: 'Partenaire Clairière',
    });
    expect(res.body).toMatchObject({ status: 'applied', counts: { created: 1 } });
    expect(res.body.columns).toContainEqual({ header: 'Intitulé maison', field: 'nameFr' });
    expect(
      (await upload('organisations', 'x.csv', new TextEncoder().encode(csv), { mapping: 'Nobody' })).status,
    ).toBe(404);
    const bad = await supertest(t.app.server)
      .put('/api/imports/organisations/mappings/Bad')
      .set('if-none-match', '*')
      .set('authorization', coordinator.auth)
      .send({ columns: { Titre: 'salary' } });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'columns/Titre', code: 'invalid' })]);
  });
});

describe('hostile files cost little and land nothing', () => {
  it('refuses a formula cell, naming it, and a PNG renamed .xlsx', async () => {
    const withFormula = buildXlsx({
      name: 'S',
      rows: [['Nom'], [{ formula: 'HYPERLINK("http://x","y")', cached: 'y' }]],
    });
    const res = await upload('organisations', 'f.xlsx', withFormula);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'file',
        code: 'formula',
        params: expect.objectContaining({ cell: 'A2' }),
      }),
    ]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const wrong = await upload('organisations', 'image.xlsx', png);
    expect(wrong.status).toBe(415);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ code: 'wrongFileType' })]);
  });

  it('refuses a CSV formula injection', async () => {
    const res = await upload(
      'organisations',
      'i.csv',
      new TextEncoder().encode("Nom;Téléphone\r\n=cmd|' /C calc'!A0;02\r\n"),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('formula');
  });

  it('refuses cells holding a NUL or half a surrogate pair in an XLSX, by row and column; nothing lands', async () => {
    // Excel writes a control character as `_x0000_`; a hand-made file may hold `&#xD800;`.
    const parts = xlsxParts([
      {
        name: 'S',
        rows: [
          ['Référence', 'Nom', 'Téléphone'],
          ['Z-1', 'Asbl Nulle CELL1', '02 111 11 11'],
          ['Z-2', 'Asbl Saine', '02 CELL2'],
          ['Z-3', 'Asbl Correcte', null],
        ],
      },
    ]);
    parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml']!.replace('CELL1', '_x0000_').replace(
      'CELL2',
      '&#xD800;',
    );
    const res = await upload('organisations', 'controle.xlsx', zipParts(parts));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    expect(res.body.errors).toEqual([
      { row: 2, column: 'Nom', field: 'nameFr', code: 'invalid', value: 'Asbl Nulle \ufffd' },
      { row: 3, column: 'Téléphone', field: 'phone', code: 'invalid', value: '02 \ufffd' },
    ]);
    expect(res.body.counts).toMatchObject({ created: 0, rejected: 2 });
    // The whole file or nothing: the clean third row did not land either.
    expect((await search('correcte')).body.total).toBe(0);
  });

  it('refuses a stray NUL byte in a CSV cell by row and column, not as a file of the wrong type', async () => {
    const csv = new TextEncoder().encode(
      'Référence;Nom;Téléphone\r\nN-1;Asbl Octet\u0000Nul;02 000 00 01\r\nN-2;Asbl Voisine;02 000 00 02\r\n',
    );
    const res = await upload('organisations', 'octet.csv', csv);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    expect(res.body.errors).toEqual([
      { row: 2, column: 'Nom', field: 'nameFr', code: 'invalid', value: 'Asbl Octet\ufffdNul' },
    ]);
    expect((await search('voisine')).body.total).toBe(0);
  });
});

describe('people and members', () => {
  it('imports people into their organisations, then the member list; again changes nothing', async () => {
    const people =
      'Prénom;Nom;E-mail;Organisation;Fonction\r\nAnouk;Claessens;anouk@eiland.example;BXL-001;éducatrice\r\nYanis;Benali;;Maison Soleil;assistant social\r\n';
    const p1 = await upload('people', 'p.csv', new TextEncoder().encode(people));
    expect(p1.body).toMatchObject({ status: 'applied', counts: { created: 2 } });
    expect((await upload('people', 'p.csv', new TextEncoder().encode(people))).body.counts).toMatchObject({
      created: 0,
      unchanged: 2,
    });

    const members =
      'Organisation;Prénom;Nom;Membre depuis\r\nBXL-001;;;01/01/2024\r\n;Anouk;Claessens;15/03/2025\r\nOnbekende vzw;;;01/01/2024\r\n';
    const refused = await upload('members', 'm.csv', new TextEncoder().encode(members));
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'organisation',
        code: 'unknownReference',
        value: 'Onbekende vzw',
      }),
    ]);
    const fixed = members.split('\r\n').slice(0, 3).join('\r\n');
    const m1 = await upload('members', 'm.csv', new TextEncoder().encode(fixed));
    expect(m1.body).toMatchObject({ status: 'applied', counts: { created: 2 } });
    expect((await upload('members', 'm.csv', new TextEncoder().encode(fixed))).body.counts).toMatchObject({
      created: 0,
      unchanged: 2,
    });
    const status = await supertest(t.app.server)
      .get('/api/members/status')
      .query({ organisationId: (await search('ilot')).body.items[0].id, on: '2024-06-01' })
      .set('authorization', coordinator.auth);
    expect(status.body.member).toBe(true);
  });
});

describe('templates and who may import', () => {
  it('offers a template per kind in French and Dutch', async () => {
    const fr = await supertest(t.app.server)
      .get('/api/imports/people/template')
      .query({ lang: 'fr' })
      .set('authorization', coordinator.auth);
    expect(fr.headers['content-disposition']).toContain('modele-people.csv');
    expect(fr.text.replace('\uFEFF', '').split('\r\n')[0]).toBe(
      'Référence;Prénom;Nom;E-mail;Téléphone;Langue;Organisation;Fonction;Depuis le',
    );
    const nl = await supertest(t.app.server)
      .get('/api/imports/members/template')
      .query({ lang: 'nl' })
      .set('authorization', coordinator.auth);
    expect(nl.text).toContain('Lid sinds');
  });

  it('workers, accountants and the board cannot import; a support coordinator cannot import members', async () => {
    const outsiders: Parameters<typeof signedIn>[1][] = [
      { role: 'worker', poles: ['connect'] },
      { role: 'accountant' },
      { role: 'board' },
    ];
    for (const who of outsiders) {
      const other = await signedIn(t.app, who);
      const res = await upload(
        'organisations',
        'z.csv',
        new TextEncoder().encode('Nom\r\nIntrus\r\n'),
        {},
        other.auth,
      );
      expect(res.status, who?.role).toBe(403);
    }
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    const res = await upload(
      'members',
      'm.csv',
      new TextEncoder().encode('Organisation;Membre depuis\r\nBXL-001;01/01/2020\r\n'),
      {},
      support.auth,
    );
    expect(res.status).toBe(403);
    expect((await search('intrus')).body.total).toBe(0);
  });

  it('shows a kind’s import history and saved mappings only to those who may read what it writes', async () => {
    const runs = (auth: string) =>
      supertest(t.app.server).get('/api/imports').query({ pageSize: 200 }).set('authorization', auth);
    const mappings = (kind: string, auth: string) =>
      supertest(t.app.server).get(`/api/imports/${kind}/mappings`).set('authorization', auth);
    await supertest(t.app.server)
      .put('/api/imports/members/mappings/Liste des membres du partenaire')
      .set('if-none-match', '*')
      .set('authorization', coordinator.auth)
      .send({ columns: { Structure: 'organisation', 'Adhérent depuis': 'startsOn' } })
      .expect(200);
    await upload(
      'members',
      'adherents.csv',
      new TextEncoder().encode('Organisation;Membre depuis\r\nInconnue asbl;01/01/2020\r\n'),
    ).expect(200);

    const connect = (await runs(coordinator.auth)).body;
    const kindsSeen = new Set(connect.items.map((r: { kind: string }) => r.kind));
    expect(kindsSeen).toEqual(new Set(['organisations', 'people', 'members']));
    expect((await mappings('members', coordinator.auth)).body.items).toContainEqual(
      expect.objectContaining({ name: 'Liste des membres du partenaire' }),
    );

    // The membership is Connect's: a Support coordinator sees the directory's imports, not its.
    const support = await signedIn(t.app, { role: 'coordinator', poles: ['support'] });
    const theirs = (await runs(support.auth)).body;
    const directoryRuns = connect.items.filter((r: { kind: string }) => r.kind !== 'members');
    expect(theirs.total).toBe(directoryRuns.length);
    expect(theirs.items.map((r: { id: string }) => r.id)).toEqual(
      directoryRuns.map((r: { id: string }) => r.id),
    );
    const refused = await mappings('members', support.auth);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Liste des membres');
    expect((await mappings('organisations', support.auth)).status).toBe(200);
  });
});
