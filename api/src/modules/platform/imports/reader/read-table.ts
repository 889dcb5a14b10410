import { readCsv } from './csv.js';
import { ImportFileError } from './errors.js';
import { sniffKind } from './sniff.js';
import type { RawTable, ReadOptions, UploadedFile } from './types.js';
import { readXlsx } from './xlsx.js';

export const READ_DEFAULTS = { maxBytes: 5 * 1024 * 1024, maxRows: 100_000 };

/**
 * Reads an uploaded CSV or XLSX into text cells. Cheap refusals come first (size, then type
 * by content), so a hostile file costs a length check or a few bytes read; throws
 * ImportFileError with a `reason` the import screen can explain.
 */
export async function readTable(file: UploadedFile, opts: ReadOptions = {}): Promise<RawTable> {
  const maxBytes = opts.maxBytes ?? READ_DEFAULTS.maxBytes;
  const maxRows = opts.maxRows ?? READ_DEFAULTS.maxRows;
  if (file.bytes.length > maxBytes) {
    throw new ImportFileError('tooLarge', `The file is larger than ${maxBytes} bytes`, {
      bytes: file.bytes.length,
      maxBytes,
    });
  }
  if (file.bytes.length === 0) throw new ImportFileError('empty', 'The file is empty');
  const kind = sniffKind(file.name, file.bytes);
  if (kind === 'xlsx') return readXlsx(file.bytes, maxRows, opts.sheet);
  if (opts.sheet !== undefined) {
    // Asking for a sheet of a CSV is a caller's mistake worth hearing about, not ignoring.
    throw new ImportFileError('sheetNotFound', 'A CSV file has no sheets', {
      sheet: opts.sheet,
      available: [],
    });
  }
  return readCsv(file.bytes, maxRows);
}
