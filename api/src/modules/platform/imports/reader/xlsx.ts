import { Buffer } from 'node:buffer';
import { readSheet } from 'read-excel-file/node';
import { ImportFileError } from './errors.js';
import { refuseScannedProblems, scanSheetXml } from './xlsx-scan.js';
import { toGrid } from './table.js';
import type { RawRow, RawTable } from './types.js';
import { rebuildArchive, unpackVerified } from './zip.js';

interface SheetRef {
  name: string;
  path: string;
}

const utf8 = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');

function attr(tag: string, name: RegExp): string | undefined {
  const m = new RegExp(`\\s${name.source}="([^"]*)"`).exec(tag);
  return m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Sheets in workbook order, each with the path of its XML part inside the archive. */
function listSheets(parts: Map<string, Uint8Array>): SheetRef[] {
  const targets = new Map<string, string>();
  for (const [tag] of utf8(parts.get('xl/_rels/workbook.xml.rels')).matchAll(
    /<(?:\w+:)?Relationship\b[^>]*>/g,
  )) {
    const id = attr(tag, /Id/);
    const target = attr(tag, /Target/);
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetRef[] = [];
  for (const [tag] of utf8(parts.get('xl/workbook.xml')).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    // The relationship id is always namespaced (`r:id`), unlike `sheetId`.
    const name = attr(tag, /name/);
    const path = targets.get(attr(tag, /\w+:id/) ?? '');
    if (name !== undefined && path) sheets.push({ name, path });
  }
  return sheets;
}

/** Text form of a cell that parseCell understands: ISO dates, plain decimal numbers. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString(); // the library builds dates in UTC
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  // String(number) is the shortest text that round-trips, so 0.1+0.2 stored by Excel as
  // 0.30000000000000004 still reads back as that, but 1.1000000000000001 reads as 1.1.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value : '';
}

/**
 * Reads one sheet of an XLSX file. Every archive entry is inflated under the zip limits first,
 * and the sheet's XML is scanned for formulas and row count, before read-excel-file runs on an
 * archive rebuilt from those verified parts alone (never on the uploaded bytes).
 */
/** The XLSX library's entry point; a parameter so a test can see what it is given. */
export type SheetParser = (archive: Buffer, sheet: string) => Promise<unknown[][]>;

export async function readXlsx(
  bytes: Uint8Array,
  maxRows: number,
  sheetName?: string,
  parse: SheetParser = readSheet,
): Promise<RawTable> {
  const parts = unpackVerified(bytes);
  if (!parts.has('xl/workbook.xml')) {
    throw new ImportFileError('wrongType', 'This archive is not an Excel workbook', { found: 'zip' });
  }
  const sheets = listSheets(parts);
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw new ImportFileError('sheetNotFound', `The workbook has no sheet named "${sheetName ?? ''}"`, {
      sheet: sheetName ?? '',
      available: sheets.map((s) => s.name),
    });
  }
  const xml = parts.get(sheet.path);
  if (!xml)
    throw new ImportFileError('unreadable', 'The sheet is missing from the archive', { sheet: sheet.name });
  refuseScannedProblems(scanSheetXml(utf8(xml), maxRows + 1), maxRows);

  let data: unknown[][];
  try {
    const archive = rebuildArchive(parts);
    data = await parse(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength), sheet.name);
  } catch (error) {
    throw new ImportFileError('unreadable', 'The spreadsheet could not be read', {
      problem: error instanceof Error ? error.name : 'unknown',
    });
  }
  // read-excel-file keeps leading empty rows, so index + 1 is the row number Excel shows.
  const lines = data.map((row, i): RawRow => ({ rowNumber: i + 1, cells: row.map(cellText) }));
  return { format: 'xlsx', sheet: sheet.name, ...toGrid(lines, maxRows) };
}
