// The file-reading half of partner imports: bytes in, text cells and typed values out.
export { readTable, READ_DEFAULTS } from './read-table.js';
export { mapColumns, normaliseHeader } from './columns.js';
export type { ColumnMapping } from './columns.js';
export { parseCell } from './cells.js';
export type { CellOptions, CellParse, CellValues } from './cells.js';
export { parseDate, excelSerialToIso } from './dates.js';
export { ImportFileError } from './errors.js';
export type { ImportFileErrorDetails, ImportFileErrorReason } from './errors.js';
export { ZIP_LIMITS } from './zip.js';
export type { FieldSpec, FieldType, RawRow, RawTable, ReadOptions, UploadedFile } from './types.js';
