export type FieldType = 'text' | 'date' | 'datetime' | 'email' | 'list' | 'boolean' | 'integer' | 'decimal';

/** One field the importer fills, and the column titles partners use for it (FR, NL, EN). */
export interface FieldSpec {
  key: string;
  aliases: string[];
  required?: boolean;
  type: FieldType;
}

export interface ReadOptions {
  /** Refuse larger files before reading a byte of them. Default 5 MiB. */
  maxBytes?: number;
  /** Data rows (the header row not counted). Default 100 000. */
  maxRows?: number;
  /** XLSX only: the sheet to read; the first one when absent. */
  sheet?: string;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface RawRow {
  /** The row number the partner sees in Excel (1-based, header row included). */
  rowNumber: number;
  /** Trimmed cell texts, as many as `headers`; an empty cell is ''. */
  cells: string[];
}

/** A file read into text cells, before any field mapping or type parsing. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ';' | ',';
  sheet?: string;
  /** The row number of the header row, as Excel shows it. */
  headerRow: number;
  headers: string[];
  /** Non-empty data rows only; blank rows are dropped but keep their numbers' gap. */
  rows: RawRow[];
}
