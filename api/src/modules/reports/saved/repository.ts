import { count, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { savedReports, users } from '../../../db/schema/index.js';

export type SavedReportRow = typeof savedReports.$inferSelect;

export async function insertSavedReport(db: Executor, input: typeof savedReports.$inferInsert) {
  const [row] = await db.insert(savedReports).values(input).returning();
  return row!;
}

export async function findSavedReport(db: Executor, id: string) {
  const [row] = await db.select().from(savedReports).where(eq(savedReports.id, id)).limit(1);
  return row;
}

/** Newest first; the figures stay out of the list (a report can hold a hundred of them). */
export async function listSavedReports(db: Executor, { page, pageSize }: { page: number; pageSize: number }) {
  const { figures: _figures, ...summary } = getTableColumns(savedReports);
  const [items, [total]] = await Promise.all([
    db
      .select(summary)
      .from(savedReports)
      .orderBy(desc(savedReports.savedAt), desc(savedReports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(savedReports),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function userName(db: Executor, id: string) {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1);
  return row?.name;
}
