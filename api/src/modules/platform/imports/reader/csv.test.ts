import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv.js';
import { readTable } from './read-table.js';
import { windows1252 } from './test-fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const csv = (bytes: Uint8Array) => readTable({ name: 'membres.csv', bytes });

// Fictional organisations, as a Brussels partner would list them.
const MEMBERS = [
  'Nom;Commune;Cotisation',
  'L’Îlot des Possibles;Molenbeek-Saint-Jean;12,50 €',
  'Buurthuis De Vonk;Sint-Jans-Molenbeek;0',
  'Asbl Cœur – Quartier;Saint-Gilles;5',
].join('\r\n');

describe('reading CSV files', () => {
  it('reads UTF-8 without a BOM', async () => {
    const table = await csv(utf8(MEMBERS));
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(table.headers).toEqual(['Nom', 'Commune', 'Cotisation']);
    expect(table.rows[0]?.cells).toEqual(['L’Îlot des Possibles', 'Molenbeek-Saint-Jean', '12,50 €']);
  });

  it('drops the BOM of "CSV UTF-8" so the first header is clean', async () => {
    const table = await csv(withBom(MEMBERS));
    expect(table.encoding).toBe('utf-8');
    expect(table.headers[0]).toBe('Nom');
  });

  it('reads Windows-1252 as saved by Belgian Excel, accents and euro sign included', async () => {
    const table = await csv(windows1252(MEMBERS));
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['L’Îlot des Possibles', 'Molenbeek-Saint-Jean', '12,50 €'],
      ['Buurthuis De Vonk', 'Sint-Jans-Molenbeek', '0'],
      ['Asbl Cœur – Quartier', 'Saint-Gilles', '5'],
    ]);
  });

  it('reads comma-separated files and quoted fields holding commas, quotes and new lines', async () => {
    const text =
      'Name,Address,Note\r\n' +
      '"Asbl Le Pont, section Nord","Rue de l\'Exemple 1\r\n1080 Molenbeek","She said ""ja"""\r\n' +
      'Vzw De Brug,Voorbeeldstraat 2,\r\n';
    const table = await csv(utf8(text));
    expect(table.delimiter).toBe(',');
    expect(table.rows[0]?.cells).toEqual([
      'Asbl Le Pont, section Nord',
      "Rue de l'Exemple 1\n1080 Molenbeek",
      'She said "ja"',
    ]);
    // The quoted line break does not shift the next row's number.
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(table.rows[1]?.cells).toEqual(['Vzw De Brug', 'Voorbeeldstraat 2', '']);
  });

  it('keeps stray quotes inside unquoted text', async () => {
    const table = await csv(utf8('Nom;Ville\nAsbl "Le Pont";Anderlecht\n'));
    expect(table.rows[0]?.cells[0]).toBe('Asbl "Le Pont"');
  });

  it('takes the first non-empty line as the header and numbers rows as Excel shows them', async () => {
    const table = await csv(utf8(';;\r\n\r\nNom;Ville\r\nA;Uccle\r\n\r\nB;Evere\r\n'));
    expect(table.headers).toEqual(['Nom', 'Ville']);
    expect(table.rows).toEqual([
      { rowNumber: 4, cells: ['A', 'Uccle'] },
      { rowNumber: 6, cells: ['B', 'Evere'] },
    ]);
  });

  it('follows and hides the "sep=" line Excel may write first', async () => {
    const table = await csv(utf8('sep=,\r\nNom;Adresse,Ville\r\nAsbl Exemple;Rue 1,Schaerbeek\r\n'));
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['Nom;Adresse', 'Ville']);
    expect(table.rows[0]).toEqual({ rowNumber: 2, cells: ['Asbl Exemple;Rue 1', 'Schaerbeek'] });
  });

  it('gives every row as many cells as the widest one', async () => {
    const table = await csv(utf8('Nom;Ville\nA\nB;Jette;extra\n'));
    expect(table.headers).toEqual(['Nom', 'Ville', '']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['A', '', ''],
      ['B', 'Jette', 'extra'],
    ]);
  });

  it('refuses a file with an unclosed quote as unreadable, naming the line', async () => {
    await expect(csv(utf8('Nom;Ville\n"A;Uccle\nB;Evere\n'))).rejects.toMatchObject({
      reason: 'unreadable',
      details: { problem: 'CSV_QUOTE_NOT_CLOSED' },
    });
  });

  it('refuses a header without data rows, and blank files, as empty', async () => {
    await expect(csv(utf8('Nom;Ville\r\n;\r\n'))).rejects.toMatchObject({ reason: 'empty' });
    await expect(csv(utf8('\r\n \r\n'))).rejects.toMatchObject({ reason: 'empty' });
  });

  it('refuses more data rows than allowed', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `Org ${i};Ixelles`);
    const bytes = utf8(['Nom;Ville', ...rows].join('\n'));
    await expect(readTable({ name: 'a.csv', bytes }, { maxRows: 10 })).rejects.toMatchObject({
      reason: 'tooManyRows',
      details: { maxRows: 10 },
    });
    await expect(readTable({ name: 'a.csv', bytes }, { maxRows: 11 })).resolves.toMatchObject({
      rows: expect.arrayContaining([]),
    });
  });
});

describe('formula injection in CSV', () => {
  const read = (cell: string) => csv(utf8(`Nom;Téléphone\nAsbl Exemple;${cell}\n`));

  it.each([
    ['=HYPERLINK("http://example.invalid","clic")', 'B2'],
    ["=cmd|' /C calc'!A0", 'B2'],
    ['@SUM(A1:A9)', 'B2'],
    ['+A1', 'B2'],
    ["-2+3+cmd|' /C calc'!A0", 'B2'],
    ['=1+1', 'B2'],
  ])('refuses %s and names the cell', async (cell, ref) => {
    await expect(read(`"${cell.replace(/"/g, '""')}"`)).rejects.toMatchObject({
      reason: 'formula',
      details: { cell: ref, row: 2, column: 'B' },
    });
  });

  it.each(['+32 2 123 45 67', '-5', '-12,50', '@molenbeek', '- à confirmer', '====='])(
    'lets %s through',
    async (cell) => {
      const table = await read(cell);
      expect(table.rows[0]?.cells[1]).toBe(cell);
    },
  );
});

describe('delimiter detection', () => {
  it('ignores delimiters inside quotes and looks at the header line only', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('\r\nNom;Ville, commune\n')).toBe(';');
    expect(detectDelimiter('Nom\nA,B,C')).toBe(';');
  });
});
