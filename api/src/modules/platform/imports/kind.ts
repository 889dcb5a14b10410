import type {
  ImportKind,
  ImportPreviewRow,
  ImportRowError,
  ImportRowWarning,
  RecordKind,
} from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import type { FieldSpec } from './reader/index.js';

/**
 * One kind of import, declared by the module that owns the records it writes (registered in
 * api/src/modules/import-kinds.ts; who may run it and see its runs follows the record kinds
 * shared's IMPORT_KIND_WRITES says it writes). The imports module reads the file, maps the columns, parses
 * the cells, and keeps runs, mappings, reports and provenance; the kind checks, matches and
 * writes the rows with its module's own rules and repository.
 */
export interface ImportKindDefinition {
  kind: ImportKind;
  /** The columns it fills, documented in docs/imports.md. */
  fields: readonly ImportField[];
  /** How a row finds the record it changes, for docs/imports.md. */
  matchedOn: string;
  /**
   * The sensitive kinds its report names (persons' codes, free text): running it, even as a
   * preview, needs a purpose and logs the records each row names (`records`), as their reads do.
   */
  shows?: readonly RecordKind[];
  /** A fresh run: checks and matches every row first, then writes them all. */
  start(): ImportKindRun;
}

/**
 * The columns an import fills. `headerFr` / `headerNl` are the titles of the downloadable
 * templates; `aliases` are the other titles partners use, in French, Dutch and English (matched
 * without case, accents or punctuation).
 */
export interface ImportField extends FieldSpec {
  headerFr: string;
  headerNl: string;
}

/** A row whose cells were parsed into typed values by field key. */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

export interface Planned extends ImportPreviewRow {
  /** Set for `update`: what changes. */
  changes?: string[];
}

export interface Applied {
  row: number;
  entityType: RecordKind;
  entityId: string;
  action: 'created' | 'updated';
}

export interface PlanContext {
  /** Reports a refused cell: the row, the field at fault, why, and the value found. */
  error(row: number, field: string, code: ImportRowError['code'], value?: string): void;
  /** Reports a doubt about a row that is still imported (a postal code another commune has). */
  warn(row: number, field: string, code: ImportRowWarning['code'], value?: string): void;
  /** Whether the file has a column for the field (to name the one the partner filled in). */
  hasColumn(field: string): boolean;
}

export interface ImportKindRun {
  /**
   * Every error found goes to `ctx.error`; nothing is written. `db` may be the transaction
   * that then writes, so that what was checked is what gets written.
   */
  plan(db: Executor, rows: ParsedRow[], ctx: PlanContext): Promise<Planned[]>;
  /** Writes what `plan` decided, in the caller's transaction. */
  apply(tx: Executor): Promise<Applied[]>;
}

export const field = (
  key: string,
  type: FieldSpec['type'],
  headerFr: string,
  headerNl: string,
  aliases: string[],
  required = false,
): ImportField => ({ key, type, headerFr, headerNl, aliases: [headerFr, headerNl, ...aliases], required });

/** Columns several kinds share, with the same titles everywhere. */
export const commonFields = {
  externalRef: field('externalRef', 'text', 'Référence', 'Referentie', [
    'ref',
    'id',
    'code',
    'numéro',
    'nummer',
    'external ref',
    'reference',
  ]),
  email: field('email', 'email', 'E-mail', 'E-mail', [
    'courriel',
    'mail',
    'adresse e-mail',
    'e-mailadres',
    'email address',
  ]),
  phone: field('phone', 'text', 'Téléphone', 'Telefoon', [
    'tél',
    'tel',
    'gsm',
    'phone',
    'telephone number',
    'telefoonnummer',
  ]),
};

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter(Boolean) : []);

/** A day of the file (ISO) as a report names it in a row's label or error: 31/12/2026. */
export const dayLabel = (day: string) => day.split('-').reverse().join('/');

/**
 * One row's checks: `fail` reports an error as `error` does and `failed` then says so (a row
 * with an error is not written, but every error it has is reported).
 */
export function rowChecks(error: PlanContext['error']): {
  fail: PlanContext['error'];
  readonly failed: boolean;
} {
  let failed = false;
  return {
    fail: (...args) => {
      failed = true;
      error(...args);
    },
    get failed() {
      return failed;
    },
  };
}

/**
 * The rows of a file that name what an earlier row names (the same `key`): each is refused as a
 * `duplicateRow` on `field`, naming the earlier row, and the function answers true to leave it out.
 */
export function repeatedRows(error: PlanContext['error']) {
  const seen = new Map<string, number>();
  return (row: number, key: string, field: string): boolean => {
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(row, field, 'duplicateRow', String(earlier));
      return true;
    }
    seen.set(key, row);
    return false;
  };
}

/** The plan of a row that finds its records again: an update naming what changes, else unchanged. */
export const foundAgain = (
  row: number,
  label: string,
  records: Planned['records'],
  changes: string[],
): Planned => ({
  row,
  action: changes.length ? 'update' : 'unchanged',
  label,
  records,
  ...(changes.length ? { changes } : {}),
});
