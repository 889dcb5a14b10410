import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LegalHold, RecordKind } from '@smes/shared';
import { affectedRows, type Executor } from './client.js';

/**
 * What a module holds about a person of the directory, for their rights (issue 14): what
 * identifies them in its rows, blanked on erasure (art. 17; the rows stay, so counts stay
 * true), what it exports (art. 15), and the legal holds that refuse an erasure. Each module
 * declares its own in `<module>/person-rights.ts`, listed in `api/src/modules/person-rights.ts`,
 * as merges walk `merge-links.ts`.
 */
export interface PersonErasure {
  kind: RecordKind;
  /** Its key in the erasure's answer. */
  name: string;
  /** Blanks what identifies the person; answers the rows changed. */
  erase(db: Executor, personId: string, names: readonly string[]): Promise<number>;
}

export interface PersonExportPart {
  kind: RecordKind;
  name: string;
  rows(db: Executor, personId: string): Promise<Record<string, unknown>[]>;
}

export interface PersonHold {
  /** The kind that declares the hold (record-kinds.ts, `legalHold`). */
  kind: RecordKind;
  hold: LegalHold;
  /** The last day the hold applies to this person's rows (yyyy-mm-dd) on `today`, or null. */
  until(db: Executor, personId: string, today: string): Promise<string | null>;
}

export interface ModulePersonRights {
  erase?: readonly PersonErasure[];
  export?: readonly PersonExportPart[];
  holds?: readonly PersonHold[];
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/** Rows whose `column` is the person (or, for an array of ids, holds them), as stored. */
export function exportWhere(kind: RecordKind, name: string, column: AnyPgColumn): PersonExportPart {
  const table = sql.identifier(getTableName(column.table));
  const col = sql.identifier(column.name);
  const isArray = column.getSQLType().endsWith('[]');
  return {
    kind,
    name,
    async rows(db, personId) {
      const where: SQL = isArray ? sql`${personId}::uuid = any(t.${col})` : sql`t.${col} = ${personId}`;
      return rowsOf(await db.execute(sql`select to_jsonb(t) as row from ${table} t where ${where}`)).map(
        (r) => r.row as Record<string, unknown>,
      );
    },
  };
}

/** Sets `columns` to null in the rows whose `column` is the person. */
export function blankColumns(
  kind: RecordKind,
  name: string,
  column: AnyPgColumn,
  columns: readonly AnyPgColumn[],
): PersonErasure {
  const table = sql.identifier(getTableName(column.table));
  return {
    kind,
    name,
    async erase(db, personId) {
      const set = sql.join(
        columns.map((c) => sql`${sql.identifier(c.name)} = null`),
        sql`, `,
      );
      const anySet = sql.join(
        columns.map((c) => sql`${sql.identifier(c.name)} is not null`),
        sql` or `,
      );
      return affectedRows(
        await db.execute(
          sql`update ${table} set ${set} where ${sql.identifier(column.name)} = ${personId} and (${anySet})`,
        ),
      );
    },
  };
}

/**
 * Free text in rows that point at the person (through `link`, a column of a table whose
 * `linkKey` names the row of `textColumn`'s table): each of the person's names becomes `[…]`,
 * the rest of the text, about others, stays.
 */
export function namesInText(
  kind: RecordKind,
  name: string,
  textColumn: AnyPgColumn,
  rowIds: (personId: string) => SQL,
): PersonErasure {
  const table = sql.identifier(getTableName(textColumn.table));
  const col = sql.identifier(textColumn.name);
  return {
    kind,
    name,
    async erase(db, personId, names) {
      const words = names.map((n) => n.trim()).filter((n) => n.length >= 2);
      if (!words.length) return 0;
      // Whole words, case-insensitive; regex characters in a name taken literally.
      const pattern = `\\m(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\M`;
      return affectedRows(
        await db.execute(
          sql`update ${table} set ${col} = regexp_replace(${col}, ${pattern}, '[…]', 'gi')
               where id in (${rowIds(personId)}) and ${col} ~* ${pattern}`,
        ),
      );
    },
  };
}
