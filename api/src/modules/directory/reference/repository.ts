import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ReferenceKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { referenceItems } from '../../../db/schema/index.js';

export type ReferenceRow = typeof referenceItems.$inferSelect;

export async function listReferenceItems(db: Executor, kind: ReferenceKind, includeRetired: boolean) {
  return db
    .select()
    .from(referenceItems)
    .where(and(eq(referenceItems.kind, kind), includeRetired ? undefined : isNull(referenceItems.retiredAt)))
    .orderBy(asc(referenceItems.sortOrder), asc(referenceItems.labelFr));
}

export async function findReferenceItem(db: Executor, kind: ReferenceKind, id: string) {
  const [row] = await db
    .select()
    .from(referenceItems)
    .where(and(eq(referenceItems.kind, kind), eq(referenceItems.id, id)))
    .limit(1);
  return row;
}

export async function findReferenceItemsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(referenceItems).where(inArray(referenceItems.id, ids));
}

export async function codeTaken(db: Executor, kind: ReferenceKind, code: string) {
  const [row] = await db
    .select({ id: referenceItems.id })
    .from(referenceItems)
    .where(and(eq(referenceItems.kind, kind), eq(referenceItems.code, code)))
    .limit(1);
  return row !== undefined;
}

export async function insertReferenceItem(db: Executor, input: typeof referenceItems.$inferInsert) {
  const [row] = await db.insert(referenceItems).values(input).returning();
  return row!;
}

export async function updateReferenceItem(
  db: Executor,
  id: string,
  patch: Partial<typeof referenceItems.$inferInsert>,
) {
  const [row] = await db
    .update(referenceItems)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(referenceItems.id, id))
    .returning();
  return row;
}

export async function findCommuneByPostalCode(db: Executor, postalCode: string) {
  const [row] = await db
    .select()
    .from(referenceItems)
    .where(and(eq(referenceItems.kind, 'commune'), sql`${postalCode} = any(${referenceItems.postalCodes})`))
    .limit(1);
  return row;
}

export async function maxSortOrder(db: Executor, kind: ReferenceKind): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${referenceItems.sortOrder}), 0)::int` })
    .from(referenceItems)
    .where(eq(referenceItems.kind, kind));
  return row?.max ?? 0;
}
