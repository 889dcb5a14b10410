import { ImportFileError } from './errors.js';

/**
 * Raw-XML checks on a worksheet, run before the XLSX library parses it: the library reads a
 * formula's cached result as if it were data, so formulas must be caught here, and counting
 * rows here lets an oversized sheet be refused before it is turned into objects.
 */

// Namespace prefixes are legal (`<x:c>`, written by the Open XML SDK), hence `(?:\w+:)?`.
const SHEET_DATA = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/;
const SHEET_DATA_END = /<\/(?:\w+:)?sheetData>/;
const CELL = /<((?:\w+:)?)c\b([^>]*?)(\/?)>/;
const FORMULA = /<(?:\w+:)?f[\s/>]/;
const VALUE = /<(?:\w+:)?(?:v|is)>/;
const REF = /\sr="([A-Z]+)(\d+)"/;

export interface FormulaCell {
  cell: string;
  row: number;
  column: string;
}

export interface SheetScan {
  /** Rows holding at least one value: an upper bound of header + data rows. */
  valueRows: number;
  formula?: FormulaCell;
}

/** Only `<sheetData>`: data validations and conditional formats elsewhere hold `<f>` too. */
function sheetDataOf(xml: string): string {
  const open = SHEET_DATA.exec(xml);
  if (!open || open[1] === '/') return '';
  const start = open.index + open[0].length;
  const end = SHEET_DATA_END.exec(xml.slice(start));
  return end ? xml.slice(start, start + end.index) : xml.slice(start);
}

export function scanSheetXml(xml: string, stopAfterRows: number): SheetScan {
  const data = sheetDataOf(xml);
  let valueRows = 0;
  let lastRow = '';
  const cells = new RegExp(CELL.source, 'g');
  for (let m = cells.exec(data); m; m = cells.exec(data)) {
    if (m[3] === '/') continue; // <c r="A1" s="2"/>: formatted but empty
    const close = data.indexOf(`</${m[1] ?? ''}c>`, cells.lastIndex);
    const inner = data.slice(cells.lastIndex, close < 0 ? data.length : close);
    const ref = REF.exec(m[2] ?? '');
    if (FORMULA.test(inner)) {
      const column = ref?.[1] ?? '?';
      const row = Number(ref?.[2] ?? 0);
      return { valueRows, formula: { cell: `${column}${row}`, row, column } };
    }
    if (ref && ref[2] !== lastRow && VALUE.test(inner)) {
      lastRow = ref[2] ?? '';
      if (++valueRows > stopAfterRows) return { valueRows };
    }
    if (close >= 0) cells.lastIndex = close;
  }
  return { valueRows };
}

export function refuseScannedProblems(scan: SheetScan, maxRows: number): void {
  if (scan.formula) {
    const { cell, row, column } = scan.formula;
    throw new ImportFileError('formula', `Cell ${cell} holds a formula`, { cell, row, column });
  }
  if (scan.valueRows > maxRows + 1) {
    throw new ImportFileError('tooManyRows', `The file has more than ${maxRows} rows`, { maxRows });
  }
}
