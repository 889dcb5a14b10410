import type { Database } from '../../src/db/client.js';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/** The driver behind Drizzle: a `pg.Pool` or a `PGlite`; both have `query(text, values)`. */
function driverOf(database: Database): { query: QueryFn } {
  return (database.db as unknown as { $client: { query: QueryFn } }).$client;
}

/**
 * Runs `fn` and returns the statements it sent to the database, exactly as the app built them.
 * Wrapping the driver's `query` (on this one instance, for the length of `fn`) lets the bench
 * explain the real queries without copying the repositories' SQL.
 */
export async function captureQueries(database: Database, fn: () => Promise<void>): Promise<CapturedQuery[]> {
  const driver = driverOf(database);
  const original = driver.query;
  const captured: CapturedQuery[] = [];
  driver.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const config =
      typeof first === 'string' ? { text: first } : (first as { text: string; values?: unknown[] });
    captured.push({ text: config.text, values: (second as unknown[] | undefined) ?? config.values ?? [] });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    driver.query = original;
  }
  return captured;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a captured statement, as text. */
export async function explain(database: Database, query: CapturedQuery): Promise<string> {
  const result = (await driverOf(database).query(
    `explain (analyze, buffers) ${query.text}`,
    query.values,
  )) as {
    rows: Record<string, string>[];
  };
  return result.rows.map((r) => Object.values(r)[0]).join('\n');
}

/**
 * The statement with `$1`, `$2`… filled in, so that the saved plan says what was searched, and
 * a long column list shortened: the plan, not the select list, is what one reads it for.
 */
export function readableSql(query: CapturedQuery): string {
  const text = query.text.replace(/^select (?:"\w+", ){4,}"\w+" from/, 'select <every column> from');
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = query.values[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}
