import type { Logger } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

export interface CapturedQuery {
  text: string;
  values: unknown[];
  /**
   * The settings (`select set_config(…)`: who acts, the role) sent before this statement in
   * the same request, in order: replayed before explaining it, so that the plan is the one the
   * app got (row-level security, the counting role).
   */
  settings: CapturedQuery[];
}

type QueryFn = (text: string, values?: unknown[]) => Promise<unknown>;

interface Session {
  logger: Logger;
  options: { logger?: Logger };
}

/**
 * Drizzle's session behind the app's handle. Outside a request `database.db` is the root
 * handle; each request's transaction opens a session that copies the root's `options`.
 */
function sessionOf(database: Database): Session {
  return (database.db as unknown as { session: Session }).session;
}

/** `select set_config(…)`: who acts, or the role a transaction switches to. */
export const isSetting = (q: { text: string }) => /^\s*select set_config\(/i.test(q.text);

/**
 * Runs `fn` and returns the statements it sent to the database, exactly as the app built them.
 * Since every request runs in a transaction (decision 12), its statements go through a
 * connection taken from the pool (PostgreSQL) or a transaction object (PGlite), not through
 * the driver's own `query`: they are caught with Drizzle's logger, which the root session and
 * every transaction's session (built from the root's options) call with the SQL and its values.
 */
export async function captureQueries(database: Database, fn: () => Promise<void>): Promise<CapturedQuery[]> {
  const session = sessionOf(database);
  const before = { logger: session.logger, optionsLogger: session.options.logger };
  const captured: CapturedQuery[] = [];
  let settings: CapturedQuery[] = [];
  const logger: Logger = {
    logQuery(text, values) {
      const q: CapturedQuery = { text, values: [...values], settings };
      captured.push(q);
      // A transaction that ends takes its settings with it (they are `set_config(…, true)`).
      if (/^\s*(begin|commit|rollback)\b/i.test(text)) settings = [];
      else if (isSetting(q)) settings = [...settings, q];
    },
  };
  session.logger = logger;
  session.options.logger = logger;
  try {
    await fn();
  } finally {
    session.logger = before.logger;
    if (before.optionsLogger === undefined) delete session.options.logger;
    else session.options.logger = before.optionsLogger;
  }
  return captured;
}

/** The driver behind Drizzle: a `pg.Pool` or a `PGlite`. */
interface PoolLike {
  connect(): Promise<{ query: QueryFn; release(): void }>;
}
interface PGliteLike {
  transaction<T>(fn: (tx: { query: QueryFn; rollback(): Promise<void> }) => Promise<T>): Promise<T>;
}

/** Runs `fn` in a transaction that is always rolled back, on one connection. */
async function inRolledBackTransaction<T>(
  database: Database,
  fn: (query: QueryFn) => Promise<T>,
): Promise<T> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    return (client as PGliteLike).transaction(async (tx) => {
      try {
        return await fn((text, values) => tx.query(text, values));
      } finally {
        await tx.rollback();
      }
    });
  }
  const connection = await (client as PoolLike).connect();
  try {
    await connection.query('begin');
    return await fn((text, values) => connection.query(text, values));
  } finally {
    await connection.query('rollback').catch(() => undefined);
    connection.release();
  }
}

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of a captured statement, as text: in a transaction (rolled back)
 * that first replays the settings the request had sent before it.
 */
export async function explain(
  database: Database,
  query: CapturedQuery,
  options = 'analyze, buffers',
): Promise<string> {
  return inRolledBackTransaction(database, async (run) => {
    for (const s of query.settings) await run(s.text, s.values);
    const result = (await run(`explain (${options}) ${query.text}`, query.values)) as {
      rows: Record<string, string>[];
    };
    return result.rows.map((r) => Object.values(r)[0]).join('\n');
  });
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
