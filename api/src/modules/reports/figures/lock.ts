import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { FIGURES } from '../../figure-definitions.js';
import { isQueryFigure, withSets, type FigureDefinition, type FigureScope } from './define.js';

export const LOCK_FILE = fileURLToPath(new URL('./figures.lock.json', import.meta.url));

/** The fixed period and filters each query is rendered for, so the hash changes only with the query. */
const FIXED: FigureScope = {
  from: '2001-02-03',
  to: '2004-05-06',
  filters: { cycleId: '00000000-0000-4000-8000-000000000000' },
};

const dialect = new PgDialect();

/** What a figure means, as text: the SQL its query renders with its parameters, or its parts. */
export function definitionText(f: FigureDefinition): string {
  const base = { unit: f.unit, kind: f.kind, of: f.of ?? null, filters: f.filters };
  if (!isQueryFigure(f)) return JSON.stringify(base);
  // The shared sets it reads are part of what it means.
  const { sql: text, params } = dialect.sqlToQuery(sql`${withSets([f], FIXED)}${f.records(FIXED)}`);
  return JSON.stringify({ ...base, sql: text, params });
}

export type Lock = Record<string, { version: number; hash: string }>;

export function currentLock(): Lock {
  return Object.fromEntries(
    [...FIGURES]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((f) => [
        f.id,
        {
          version: f.version,
          hash: createHash('sha256').update(definitionText(f)).digest('hex').slice(0, 16),
        },
      ]),
  );
}
