import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import { chunks } from '../lib/chunks.js';
import type { Executor } from './client.js';

/** What an update's `If-Match` asks for: any version (`*`) or one of those listed. */
export type IfMatch = '*' | number[];

/** A table whose records are versioned (decision 13): an `id` and an integer `version`. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * Checks and bumps a record's version in one statement, first thing in the update's transaction:
 * `update … set version = version + 1 where id = $1 and version = $2`. The row stays locked
 * until the transaction ends, so the rest of the update works on the version it claimed. No row:
 * 404 if there is no such record, otherwise 412 with the record as it is now (`current`).
 */
export async function claimVersion<T extends { version: number }>(
  db: Executor,
  table: VersionedTable,
  id: string,
  ifMatch: IfMatch,
  current: () => Promise<T | undefined>,
  what = 'record',
): Promise<number> {
  const matches =
    ifMatch === '*'
      ? sql`true`
      : ifMatch.length === 0
        ? sql`false`
        : sql`${table.version} in (${sql.join(
            ifMatch.map((v) => sql`${v}`),
            sql`, `,
          )})`;
  const claimed = await db
    .update(table)
    .set({ version: sql`${table.version} + 1` } as never)
    .where(sql`${table.id} = ${id} and ${matches}`)
    .returning({ version: table.version });
  const version = (claimed[0] as { version: number } | undefined)?.version;
  if (version !== undefined) return version;
  const now = await current();
  if (!now) throw new NotFoundError(`No such ${what}`);
  throw new PreconditionFailedError(now);
}

/**
 * The start of a versioned update (decision 13), in its transaction: claims the record's version
 * (`claimVersion`: 404 if there is none, 412 with `shown` of it as it is now) and reads the row
 * back under the lock the claim took, for the rest of the update to check and change. `shown`
 * is what a 412 may show of the record (without what it must not, a person's name, free text).
 */
export async function claimRow<R, T extends { version: number }>(
  db: Executor,
  table: VersionedTable,
  id: string,
  ifMatch: IfMatch,
  record: {
    find: (db: Executor, id: string) => Promise<R | undefined>;
    shown: (db: Executor, row: R) => T | Promise<T>;
    what: string;
  },
): Promise<R> {
  const current = async () => {
    const now = await record.find(db, id);
    return now && (await record.shown(db, now));
  };
  await claimVersion(db, table, id, ifMatch, current, record.what);
  return (await record.find(db, id))!;
}

/** Bumps a record's version for a change made outside its update route (an import, a merge). */
export async function bumpVersion(db: Executor, table: VersionedTable, ids: string[]): Promise<void> {
  for (const part of chunks(ids, 1000)) {
    await db
      .update(table)
      .set({ version: sql`${table.version} + 1` } as never)
      .where(
        sql`${table.id} in (${sql.join(
          part.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
  }
}
