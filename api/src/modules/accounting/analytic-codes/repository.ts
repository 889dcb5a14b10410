import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { analyticCodes } from '../../../db/schema/index.js';

/** The codes set for these sources (a source never set has no row). */
export const findAnalyticCodes = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: analyticCodes.id, code: analyticCodes.code, version: analyticCodes.version })
        .from(analyticCodes)
        .where(inArray(analyticCodes.id, [...ids]));

/** Makes the source's row (no code, version 1) if it has none yet, so that it can be versioned. */
export const ensureAnalyticCode = (db: Executor, id: string) =>
  db.insert(analyticCodes).values({ id }).onConflictDoNothing();

export const setAnalyticCode = (db: Executor, id: string, code: string | null) =>
  db
    .update(analyticCodes)
    .set({ code, updatedAt: sql`now()` })
    .where(sql`${analyticCodes.id} = ${id}`);
