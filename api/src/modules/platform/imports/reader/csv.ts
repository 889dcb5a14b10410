import { CsvError, parse } from 'csv-parse/sync';
import { decodeText } from './decode.js';
import { ImportFileError } from './errors.js';
import { toGrid } from './table.js';
import type { RawRow, RawTable } from './types.js';

export type Delimiter = ';' | ',';

/**
 * Counts `;` and `,` outside quotes on the first non-blank record. Belgian Excel writes `;`
 * (the comma is the decimal separator there), so a tie, such as a one-column file, means `;`.
 */
export function detectDelimiter(text: string): Delimiter {
  let inQuotes = false;
  let started = false;
  let semicolons = 0;
  let commas = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === '\n' || ch === '\r') {
      if (started) break;
      continue;
    } else if (ch === ';') semicolons++;
    else if (ch === ',') commas++;
    started = true;
  }
  return commas > semicolons ? ',' : ';';
}

/** Reads a CSV file, rows numbered by record as Excel would show them once opened. */
export function readCsv(bytes: Uint8Array, maxRows: number): RawTable {
  const decoded = decodeText(bytes);
  // Excel writes and hides a "sep=;" first line when asked to; it is not the header.
  const hint = /^sep=([;,])\r?\n/i.exec(decoded.text);
  const text = hint ? decoded.text.slice(hint[0].length) : decoded.text;
  if (text.trim() === '') throw new ImportFileError('empty', 'The file holds no data');
  const delimiter = hint?.[1] === ',' ? ',' : hint ? ';' : detectDelimiter(text);
  let nonBlank = 0;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      // Partners' files have stray quotes inside unquoted text (`Asbl "Le Pont"`); keep them.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Stop as soon as the row limit is passed instead of building millions of arrays first;
      // +1 for the header row, and toGrid gives the exact verdict.
      on_record: (record: string[]) => {
        if (record.some((c) => c.trim() !== '') && ++nonBlank > maxRows + 1) {
          throw new ImportFileError('tooManyRows', `The file has more than ${maxRows} rows`, { maxRows });
        }
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportFileError('unreadable', 'The CSV file is malformed', {
        problem: error.code,
        line: typeof error.lines === 'number' ? error.lines : 0,
      });
    }
    throw error;
  }
  const lines = records.map((cells, i): RawRow => ({
    rowNumber: i + 1,
    cells: cells.map((c) => c.replace(/\r\n?/g, '\n')),
  }));
  return { format: 'csv', encoding: decoded.encoding, delimiter, ...toGrid(lines, maxRows) };
}
