import { ImportFileError } from './errors.js';
import { looksLikeFormula } from './injection.js';
import type { RawRow } from './types.js';

export interface Grid {
  /** The row number of the header row, as Excel shows it. */
  headerRow: number;
  headers: string[];
  rows: RawRow[];
}

/** Column letters as Excel shows them (0 → A, 26 → AA), for messages a partner can follow. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === '');
}

export function refuseFormula(rowNumber: number, columnIndex: number): never {
  const column = columnLetter(columnIndex);
  throw new ImportFileError('formula', `Cell ${column}${rowNumber} holds a formula`, {
    cell: `${column}${rowNumber}`,
    row: rowNumber,
    column,
  });
}

/**
 * Shared by both formats once cells are strings: the header is the first non-empty row, blank
 * rows vanish (their numbers stay skipped, so messages match Excel), every row gets as many
 * cells as the widest row, and no cell may be a formula.
 */
export function toGrid(lines: Iterable<RawRow>, maxRows: number): Grid {
  let header: RawRow | undefined;
  const rows: RawRow[] = [];
  let width = 0;
  for (const line of lines) {
    const cells = line.cells.map((c) => c.trim());
    if (isBlank(cells)) continue;
    cells.forEach((cell, i) => {
      if (looksLikeFormula(cell)) refuseFormula(line.rowNumber, i);
    });
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    width = Math.max(width, cells.length);
    if (!header) {
      header = { rowNumber: line.rowNumber, cells };
      continue;
    }
    if (rows.length === maxRows) {
      throw new ImportFileError('tooManyRows', `The file has more than ${maxRows} rows`, { maxRows });
    }
    rows.push({ rowNumber: line.rowNumber, cells });
  }
  if (!header) throw new ImportFileError('empty', 'The file holds no data');
  if (rows.length === 0) {
    throw new ImportFileError('empty', 'The file has a header row but no data rows', {
      headerRow: header.rowNumber,
    });
  }
  const pad = (cells: string[]): string[] => [...cells, ...Array<string>(width - cells.length).fill('')];
  return {
    headerRow: header.rowNumber,
    headers: pad(header.cells),
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: pad(r.cells) })),
  };
}
