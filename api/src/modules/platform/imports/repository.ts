import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ImportKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { importMappings, importRowLinks, importRuns } from '../../../db/schema/index.js';
import { chunks } from '../../../lib/chunks.js';

/** Until the transaction ends, no other run of this kind may check or write rows. */
export async function lockImportsOfKind(db: Executor, kind: ImportKind) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${kind}`}))`);
}

export async function insertRun(db: Executor, input: typeof importRuns.$inferInsert) {
  const [row] = await db.insert(importRuns).values(input).returning();
  return row!;
}

export async function insertRowLinks(db: Executor, links: (typeof importRowLinks.$inferInsert)[]) {
  for (const batch of chunks(links, 1000)) await db.insert(importRowLinks).values(batch);
}

/** The runs of the kinds given (those the caller may read), newest first. */
export async function listRuns(db: Executor, kinds: ImportKind[], page: number, pageSize: number) {
  if (!kinds.length) return { items: [], total: 0 };
  const ofKinds = inArray(importRuns.kind, kinds);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(importRuns)
      .where(ofKinds)
      .orderBy(desc(importRuns.at))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(importRuns).where(ofKinds),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findMapping(db: Executor, kind: ImportKind, name: string) {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.name, name)))
    .limit(1);
  return row;
}

export async function listMappings(db: Executor, kind: ImportKind) {
  return db.select().from(importMappings).where(eq(importMappings.kind, kind)).orderBy(importMappings.name);
}

/** A new mapping under a name; false if one already has that name (a concurrent save won). */
export async function insertMapping(
  db: Executor,
  kind: ImportKind,
  name: string,
  columns: Record<string, string>,
) {
  const rows = await db
    .insert(importMappings)
    .values({ kind, name, columns })
    .onConflictDoNothing({ target: [importMappings.kind, importMappings.name] })
    .returning({ id: importMappings.id });
  return rows.length > 0;
}

/** Replaces a mapping's columns (its version was claimed first). */
export async function updateMapping(db: Executor, id: string, columns: Record<string, string>) {
  await db
    .update(importMappings)
    .set({ columns, updatedAt: sql`now()` })
    .where(eq(importMappings.id, id));
}

/** An import run's "save these columns as": creates the mapping or replaces it (a new version). */
export async function saveMapping(
  db: Executor,
  kind: ImportKind,
  name: string,
  columns: Record<string, string>,
) {
  await db
    .insert(importMappings)
    .values({ kind, name, columns })
    .onConflictDoUpdate({
      target: [importMappings.kind, importMappings.name],
      set: { columns, updatedAt: sql`now()`, version: sql`${importMappings.version} + 1` },
    });
}
