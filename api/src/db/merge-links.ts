import { count, getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FieldError, RecordKind } from '@smes/shared';
import { affectedRows, type Executor } from './client.js';

/** What a merge can join: two organisations or two people of the directory. */
export type MergeTarget = 'organisation' | 'person';

/**
 * Something in a module that points at an organisation or a person, and follows the kept record
 * when two are merged.
 */
export interface MergeLink {
  /** The kind of record that points (the merge preview counts per kind). */
  kind: RecordKind;
  /** Its key in the merge result's `repointed`. */
  name: string;
  /**
   * The foreign key it moves, which a test matches against the database's (null for a pointer
   * the database cannot hold as a foreign key, such as an array of ids).
   */
  column: AnyPgColumn | null;
  count(db: Executor, id: string): Promise<number>;
  move(db: Executor, fromId: string, toId: string): Promise<number>;
}

/** A reason a module gives for refusing a merge: the field error the refusal names. */
export interface MergeRefusal {
  error: FieldError;
  /** What the problem says (for the log; the SPA shows `fieldErrors.<code>`). */
  detail: string;
  applies(db: Executor, keepId: string, duplicateId: string): Promise<boolean>;
}

/** One module's declaration: its links per merge target, and what forbids a merge. */
export type ModuleMergeLinks = Partial<
  Record<MergeTarget, { links: readonly MergeLink[]; refusals?: readonly MergeRefusal[] }>
>;

/** The usual link: a column that holds the id; a merge sets it to the kept one. */
export function columnLink(kind: RecordKind, name: string, column: AnyPgColumn): MergeLink {
  const table = column.table;
  return {
    kind,
    name,
    column,
    async count(db, id) {
      const [row] = await db
        .select({ n: count() })
        .from(table)
        .where(sql`${column} = ${id}`);
      return row?.n ?? 0;
    },
    async move(db, fromId, toId) {
      return affectedRows(
        await db.execute(
          sql`update ${table} set ${sql.identifier(column.name)} = ${toId} where ${column} = ${fromId}`,
        ),
      );
    },
  };
}

export const columnLabel = (column: AnyPgColumn) => `${getTableName(column.table)}.${column.name}`;

/**
 * A link row of a pair (a meeting's attendee, a request's referral): a merge moves the rows to
 * the kept one, and where both were in one pair (same `owner`) the kept one's row stays.
 */
export function pairLink(kind: RecordKind, name: string, column: AnyPgColumn, owner: AnyPgColumn): MergeLink {
  const link = columnLink(kind, name, column);
  const table = column.table;
  const col = sql.identifier(column.name);
  const own = sql.identifier(owner.name);
  return {
    ...link,
    async move(db, fromId, toId) {
      await db.execute(
        sql`delete from ${table} d where d.${col} = ${fromId} and exists
            (select 1 from ${table} k where k.${own} = d.${own} and k.${col} = ${toId})`,
      );
      return link.move(db, fromId, toId);
    },
  };
}
