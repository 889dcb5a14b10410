import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import { buildXlsx, xlsxParts, zipParts, type FixtureSheet } from './test-fixtures.js';

const xlsx = (bytes: Uint8Array, sheet?: string) =>
  readTable({ name: 'Leden 2024.XLSX', bytes }, sheet === undefined ? {} : { sheet });

// Fictional members of a fictional Brussels association.
const MEMBERS: FixtureSheet = {
  name: 'Membres',
  firstRow: 3, // a title row and a blank row above the header, as partners often do
  rows: [
    ['Nom', 'Date de naissance', 'Code postal', 'Cotisation', 'Bénévole'],
    ['Amélie Exemple', { date: 45292 }, 1080, 12.5, true],
    ['Jan Voorbeeld', '31/12/1990', '1210', 0.1, false],
    [null, null, null, null, null],
    ['Lotte Proef', null, 1000, 1.1000000000000001, null],
  ],
};

describe('reading XLSX files', () => {
  it('reads the first sheet, header on the first non-empty row, cells as the mapper expects', async () => {
    const table = await xlsx(buildXlsx(MEMBERS, { name: 'Notes', rows: [['ignored']] }));
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Membres' });
    expect(table.headers).toEqual(['Nom', 'Date de naissance', 'Code postal', 'Cotisation', 'Bénévole']);
    expect(table.rows).toEqual([
      // The date cell comes back as an ISO date, numbers and booleans as plain text.
      { rowNumber: 4, cells: ['Amélie Exemple', '2024-01-01', '1080', '12.5', 'true'] },
      { rowNumber: 5, cells: ['Jan Voorbeeld', '31/12/1990', '1210', '0.1', 'false'] },
      // The blank row 6 is skipped but row 7 keeps the number Excel shows.
      { rowNumber: 7, cells: ['Lotte Proef', '', '1000', '1.1', ''] },
    ]);
  });

  it('reads a sheet by name', async () => {
    const other: FixtureSheet = { name: 'Organisaties', rows: [['Naam'], ['Vzw De Brug']] };
    const table = await xlsx(buildXlsx(MEMBERS, other), 'Organisaties');
    expect(table.sheet).toBe('Organisaties');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Vzw De Brug'] }]);
  });

  it('says which sheets exist when the named one does not', async () => {
    await expect(xlsx(buildXlsx(MEMBERS), 'Leden')).rejects.toMatchObject({
      reason: 'sheetNotFound',
      details: { sheet: 'Leden', available: ['Membres'] },
    });
  });

  it('refuses a formula cell and names it, even with a harmless cached value', async () => {
    const sheet: FixtureSheet = {
      name: 'Membres',
      rows: [
        ['Nom', 'Total'],
        ['Amélie Exemple', 3],
        ['Jan Voorbeeld', { formula: 'SUM(B2:B2)', cached: '3' }],
      ],
    };
    await expect(xlsx(buildXlsx(sheet))).rejects.toMatchObject({
      reason: 'formula',
      details: { cell: 'B3', row: 3, column: 'B' },
    });
  });

  it('finds formulas written with a namespace prefix too', async () => {
    const parts = xlsxParts([MEMBERS]);
    parts['xl/worksheets/sheet1.xml'] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nom</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="str"><x:f>HYPERLINK("http://example.invalid")</x:f><x:v>x</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    await expect(xlsx(zipParts(parts))).rejects.toMatchObject({ reason: 'formula', details: { cell: 'A2' } });
  });

  it('ignores formulas in a sheet it does not read', async () => {
    const totals: FixtureSheet = {
      name: 'Totaux',
      rows: [['Total'], [{ formula: 'COUNTA(Membres!A:A)', cached: '3' }]],
    };
    const table = await xlsx(buildXlsx(MEMBERS, totals));
    expect(table.rows).toHaveLength(3);
  });

  it('refuses text cells that would become formulas once exported', async () => {
    const sheet: FixtureSheet = {
      name: 'S',
      rows: [
        ['Nom', 'Site'],
        ['Asbl Exemple', '=HYPERLINK("http://example.invalid")'],
      ],
    };
    await expect(xlsx(buildXlsx(sheet))).rejects.toMatchObject({
      reason: 'formula',
      details: { cell: 'B2' },
    });
  });

  it('refuses a sheet with more rows than allowed before reading it', async () => {
    const rows = [['Nom'], ...Array.from({ length: 20 }, (_, i) => [`Membre ${i}`])];
    await expect(
      readTable({ name: 'a.xlsx', bytes: buildXlsx({ name: 'S', rows }) }, { maxRows: 19 }),
    ).rejects.toMatchObject({ reason: 'tooManyRows', details: { maxRows: 19 } });
    const table = await readTable({ name: 'a.xlsx', bytes: buildXlsx({ name: 'S', rows }) }, { maxRows: 20 });
    expect(table.rows).toHaveLength(20);
  });

  it('refuses an empty workbook', async () => {
    await expect(xlsx(buildXlsx({ name: 'Feuil1', rows: [] }))).rejects.toMatchObject({ reason: 'empty' });
  });

  it('refuses a zip that is not a workbook (a Word file, say)', async () => {
    const docx = zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    await expect(xlsx(docx)).rejects.toMatchObject({ reason: 'wrongType', details: { found: 'zip' } });
  });
});
