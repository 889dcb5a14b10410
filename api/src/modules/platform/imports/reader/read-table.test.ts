import { describe, expect, it } from 'vitest';
import { ImportFileError } from './errors.js';
import { readTable } from './read-table.js';
import { lieAboutSize, xlsxParts, zipParts } from './test-fixtures.js';
import { scanSheetXml } from './xlsx-scan.js';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const CSV = new TextEncoder().encode('Nom;Commune\nAsbl Exemple;Forest\n');
const sheetWith = (sheetXml: string | Uint8Array) => ({
  ...xlsxParts([{ name: 'S', rows: [] }]),
  'xl/worksheets/sheet1.xml': sheetXml,
});

describe('refusing hostile or mistaken files', () => {
  it('refuses an oversized file by its length alone', async () => {
    // Random-looking bytes named .xlsx: the size verdict comes before any look at the content.
    const bytes = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    const error = await readTable({ name: 'export.xlsx', bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ reason: 'tooLarge', status: 413, code: 'PAYLOAD_TOO_LARGE' });
    await expect(readTable({ name: 'a.csv', bytes: CSV }, { maxBytes: 10 })).rejects.toMatchObject({
      reason: 'tooLarge',
      details: { bytes: CSV.length, maxBytes: 10 },
    });
  });

  it.each([
    ['a PNG renamed .xlsx', 'photo.xlsx', PNG, 'png'],
    ['a PNG renamed .csv', 'photo.csv', PNG, 'png'],
    ['a PDF renamed .csv', 'facture.csv', PDF, 'pdf'],
    ['a program renamed .csv', 'setup.csv', EXE, 'exe'],
    ['CSV text renamed .xlsx', 'membres.xlsx', CSV, 'csv'],
    [
      'an XLSX renamed .csv',
      'membres.csv',
      zipParts(xlsxParts([{ name: 'S', rows: [['a'], ['b']] }])),
      'xlsx',
    ],
    [
      'binary content with NUL bytes',
      'membres.csv',
      new Uint8Array([0x4e, 0x6f, 0x6d, 0, 0x3b, 0x41]),
      'binary',
    ],
    [
      'UTF-16 text',
      'membres.csv',
      new Uint8Array(Buffer.from('\ufeffNom;Commune\r\nA;B\r\n', 'utf16le')),
      'binary',
    ],
    [
      'a legacy .xls',
      'membres.xlsx',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'xls',
    ],
  ])('refuses %s as the wrong type', async (_what, name, bytes, found) => {
    await expect(readTable({ name, bytes })).rejects.toMatchObject({
      reason: 'wrongType',
      status: 415,
      details: { found },
    });
  });

  it('refuses extensions it does not read, whatever the content', async () => {
    await expect(readTable({ name: 'membres.ods', bytes: CSV })).rejects.toMatchObject({
      reason: 'wrongType',
      details: { extension: 'ods' },
    });
  });

  it('refuses an empty file', async () => {
    await expect(readTable({ name: 'a.csv', bytes: new Uint8Array() })).rejects.toMatchObject({
      reason: 'empty',
    });
  });

  it('refuses a zip bomb (60 MB of zeros) from its central directory, without inflating it', async () => {
    const bomb = zipParts(sheetWith(new Uint8Array(60_000_000)), 1);
    expect(bomb.length).toBeLessThan(1_000_000);
    // The ratio in the details comes from the declared sizes, read before any inflation.
    await expect(readTable({ name: 'bombe.xlsx', bytes: bomb })).rejects.toMatchObject({
      reason: 'zipBomb',
      details: { entry: 'xl/worksheets/sheet1.xml', ratio: expect.any(Number) as number },
    });
  });

  it('refuses an archive that unpacks past 50 MiB in total, however modest each part', async () => {
    // Stored, not compressed: no entry trips the ratio check, only the total does.
    const parts: Record<string, Uint8Array | string> = xlsxParts([{ name: 'S', rows: [['a'], ['b']] }]);
    for (let i = 0; i < 26; i++) parts[`xl/media/image${i}.png`] = new Uint8Array(2 * 1024 * 1024);
    const zip = zipParts(parts, 0);
    await expect(
      readTable({ name: 'a.xlsx', bytes: zip }, { maxBytes: 100 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      reason: 'zipBomb',
      details: { uncompressedBytes: expect.any(Number) as number },
    });
  });

  it('refuses a bomb whose headers lie about its size, stopping inflation at the declared size', async () => {
    const honest = zipParts(sheetWith(' '.repeat(5_000_000)));
    const liar = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1_000);
    await expect(readTable({ name: 'a.xlsx', bytes: liar })).rejects.toMatchObject({
      reason: 'zipBomb',
      details: { entry: 'xl/worksheets/sheet1.xml' },
    });
  });

  it('refuses a truncated archive as unreadable', async () => {
    const zip = zipParts(xlsxParts([{ name: 'S', rows: [['a'], ['b']] }]));
    await expect(
      readTable({ name: 'a.xlsx', bytes: zip.subarray(0, zip.length - 30) }),
    ).rejects.toMatchObject({
      reason: 'unreadable',
    });
  });
});

describe('scanning sheet XML before parsing it', () => {
  it('counts rows holding values and ignores formatted empty cells', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/></row>' +
      '<row r="2"><c r="A2" s="3"/></row><row r="3"><c r="A3"><v>4</v></c></row></sheetData></worksheet>';
    expect(scanSheetXml(xml, 100)).toEqual({ valueRows: 2 });
  });

  it('looks for formulas only among cells, not in data validations', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
      '<extLst><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1></x14:dataValidation></extLst></worksheet>';
    expect(scanSheetXml(xml, 100).formula).toBeUndefined();
  });
});
