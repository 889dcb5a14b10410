import { and, eq, getTableName, lt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { acrossPoles, type Executor } from './client.js';
import { RECORD_TABLES } from './record-tables.js';
import * as schema from './schema/index.js';

/**
 * The ids clients chose for their creates (decision 15; the plugin is
 * plugins/app/client-ids.ts). Every function runs in the create's own transaction.
 */

/** How long the first answer to a create is kept for a retry with the same id. */
export const CLIENT_ID_DAYS = 30;

export type ClientIdRow = typeof schema.clientIds.$inferSelect;

/**
 * Claims an id for a create: true when it was free. A second claim of the same id waits on the
 * primary key until the first one's transaction ends, then finds it taken (or free again, if the
 * first rolled back).
 */
export async function claimClientId(
  db: Executor,
  claim: { id: string; route: string; fingerprint: string; userId: string },
): Promise<boolean> {
  const rows = await db
    .insert(schema.clientIds)
    .values(claim)
    .onConflictDoNothing()
    .returning({ id: schema.clientIds.id });
  return rows.length > 0;
}

/** The claim of an id, when it is the caller's own (row security hides the others'). */
export async function findClientId(db: Executor, id: string): Promise<ClientIdRow | undefined> {
  const [row] = await db.select().from(schema.clientIds).where(eq(schema.clientIds.id, id));
  return row;
}

/** Keeps the create's answer with its claim, for the same create sent again. */
export async function keepAnswer(db: Executor, id: string, status: number, response: unknown): Promise<void> {
  await db.update(schema.clientIds).set({ status, response }).where(eq(schema.clientIds.id, id));
}

/** A create that made nothing frees its id. */
export async function releaseClientId(db: Executor, id: string): Promise<void> {
  await db.delete(schema.clientIds).where(eq(schema.clientIds.id, id));
}

/** Forgets a user's claims older than CLIENT_ID_DAYS (their answers hold personal data). */
export async function forgetOldClientIds(db: Executor, userId: string): Promise<void> {
  await db
    .delete(schema.clientIds)
    .where(
      and(
        eq(schema.clientIds.userId, userId),
        lt(schema.clientIds.createdAt, sql`now() - make_interval(days => ${CLIENT_ID_DAYS})`),
      ),
    );
}

let idTables: string[] | undefined;
/** Every table whose rows are records with an `id`: each kind's, the users and reference items. */
function tablesWithIds(): string[] {
  idTables ??= [
    ...new Set(
      [
        ...Object.values(RECORD_TABLES)
          .flat()
          .map((k) => k.table),
        schema.users,
        schema.referenceItems,
      ]
        .filter((table: PgTable) => 'id' in table)
        .map((table) => getTableName(table)),
    ),
  ].sort();
  return idTables;
}

/** Whether a record of any kind, in any pole, has this id already (whoever may see it). */
export async function idInUse(db: Executor, id: string): Promise<boolean> {
  const lookups = tablesWithIds().map((t) => sql`select 1 from ${sql.identifier(t)} where id = ${id}`);
  const result = await acrossPoles(db, () =>
    db.execute(sql`select exists (${sql.join(lookups, sql` union all `)}) as used`),
  );
  return Boolean((result as unknown as { rows: { used: boolean }[] }).rows[0]?.used);
}
