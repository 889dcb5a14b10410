import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { REPO_ROOT } from '../config.js';
import { databaseFailure, isDatabaseUnavailable } from './errors.js';
import { DB_ROLES, securityStatements, SETTINGS } from './rls.js';
import { prepareRoles, urlAs, type RolePasswords } from './roles.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a repository method runs on: the database, or the transaction a service opened. */
export type Executor = Db | Tx;

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');

/**
 * Who a transaction acts for, as the database's row-level security reads it (rls.ts): the
 * signed-in user, their role and poles, and the purpose of their reads; or the app itself
 * (`system`: the retention schedule, a merge's walk across poles).
 */
export interface Acting {
  userId: string | null;
  role: string;
  poles: readonly string[];
  purpose?: string | null;
  /** Breaking the glass (decision 21): the kinds' policies let the roles they name read. */
  breakGlass?: boolean;
}

export const SYSTEM: Acting = { userId: null, role: 'system', poles: [] };

export interface Database {
  /**
   * The app's handle (the `smes_app` role). Inside `acting`, every use of it, by whatever
   * module, runs in that transaction (services' own transactions become savepoints).
   */
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Creates the roles (PostgreSQL), applies the migrations as the owner, then grants and policies. */
  migrate(): Promise<void>;
  /** Runs `fn` in one transaction that tells the database who is acting; see `db`. */
  acting<T>(who: Acting, fn: () => Promise<T>): Promise<T>;
  /** Reads as the counting role (SELECT on the kinds' tables, every row; nothing else). */
  counting<T>(fn: (db: Executor) => Promise<T>): Promise<T>;
  /**
   * The figure engine's handle (`app.countingDb`): on a server, the counting role's own login;
   * on the embedded engine (one connection), its `execute` runs as the counting role, in a
   * savepoint of the request's transaction when there is one.
   */
  countingDb: Db;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  /**
   * `url`: the administrator's connection (a superuser, or a role with CREATEROLE owning the
   * database), used to set up roles and migrate. With `roles`, the app itself connects as
   * `smes_app` (and counts as `smes_count`) with these passwords; without, it uses `url` as it
   * is (the command-line scripts, benchmarks).
   */
  | { kind: 'postgres'; url: string; poolSize?: number; roles?: RolePasswords }
  /** `dataDir` undefined: in memory (tests). */
  | { kind: 'pglite'; dataDir?: string };

interface Bound {
  database: object;
  tx: Tx;
}
const bound = new AsyncLocalStorage<Bound>();

/** `root`, except inside `acting` on the same database, where it is that transaction. */
function boundDb(root: Db, database: object): Db {
  return new Proxy(root, {
    get(target, property) {
      const current = bound.getStore();
      const source: object = current?.database === database ? current.tx : target;
      const value: unknown = Reflect.get(source, property, source);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
    },
  });
}

const settingsSql = (who: Acting, role: string | null) =>
  sql`select set_config(${SETTINGS.userId}, ${who.userId ?? ''}, true),
             set_config(${SETTINGS.role}, ${who.role}, true),
             set_config(${SETTINGS.poles}, ${who.poles.join(',')}, true),
             set_config(${SETTINGS.purpose}, ${who.purpose ?? ''}, true),
             set_config(${SETTINGS.breakGlass}, ${who.breakGlass ? 'on' : ''}, true)${
               role ? sql`, set_config('role', ${role}, true)` : sql``
             }`;

/**
 * The transactions of one database: `acting` binds its transaction to the async context, so
 * the app's `db` resolves to it. A request's error is rethrown after the transaction ends:
 * what committed before it (a failed sign-in attempt counted) stays, as without the request's
 * transaction; a failed statement has already aborted it, and the commit then rolls back.
 * On PGlite (a superuser) each transaction switches to the app's role (`switchRole`).
 */
function transactions(root: Db, token: object, switchRole: boolean, countingDb: Db | null) {
  const acting = async <T>(who: Acting, fn: () => Promise<T>): Promise<T> => {
    const current = bound.getStore();
    if (current?.database === token) {
      // Already acting on this database: the same transaction, for someone else, then back.
      const before = await readSettings(current.tx);
      await current.tx.execute(settingsSql(who, null));
      try {
        return await fn();
      } finally {
        await current.tx.execute(settingsSql(before, null)).catch(() => undefined);
      }
    }
    let failure: { error: unknown } | null = null;
    let started = false;
    const attempt = () =>
      root.transaction(async (tx) => {
        await tx.execute(settingsSql(who, switchRole ? DB_ROLES.app : null));
        started = true;
        try {
          return await bound.run({ database: token, tx }, fn);
        } catch (error) {
          failure = { error };
          return undefined;
        }
      });
    let result: unknown;
    try {
      result = await attempt();
    } catch (error) {
      // A connection the server dropped while it sat idle in the pool fails at its first
      // statement: nothing of the request ran yet, so once more on a fresh one.
      const db = databaseFailure(error);
      if (started || !db || !isDatabaseUnavailable(db)) throw error;
      result = await attempt();
    }
    if (failure) throw (failure as { error: unknown }).error;
    return result as T;
  };
  const counting = async <T>(fn: (db: Executor) => Promise<T>): Promise<T> => {
    if (countingDb) return fn(countingDb);
    const current = bound.getStore();
    if (current?.database === token) {
      // One connection (PGlite): count in a savepoint as the counting role, then back.
      return current.tx.transaction(async (sp) => {
        await sp.execute(sql`select set_config('role', ${DB_ROLES.counting}, true)`);
        try {
          return await fn(sp);
        } finally {
          await sp.execute(sql`select set_config('role', ${DB_ROLES.app}, true)`).catch(() => undefined);
        }
      });
    }
    return root.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${DB_ROLES.counting}, true)`);
      return fn(tx);
    });
  };
  return { acting, counting };
}

async function readSettings(tx: Executor): Promise<Acting> {
  const result = await tx.execute(
    sql`select current_setting(${SETTINGS.userId}, true) as "userId",
               current_setting(${SETTINGS.role}, true) as role,
               current_setting(${SETTINGS.poles}, true) as poles,
               current_setting(${SETTINGS.purpose}, true) as purpose,
               current_setting(${SETTINGS.breakGlass}, true) as "breakGlass"`,
  );
  const row = (result as unknown as { rows: Record<string, string | null>[] }).rows[0] ?? {};
  return {
    userId: row.userId || null,
    role: row.role ?? '',
    poles: row.poles ? row.poles.split(',') : [],
    purpose: row.purpose || null,
    breakGlass: row.breakGlass === 'on',
  };
}

/**
 * Runs `fn` again, once, when it failed because the server had dropped the connection it was
 * given (one that sat idle in the pool when the server ended it). Only for work that may run
 * twice, such as reading who signs in.
 */
export async function retryIfDropped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const db = databaseFailure(error);
    if (!db || !isDatabaseUnavailable(db)) throw error;
    return fn();
  }
}

/**
 * Work the app does on purpose across poles, inside the transaction it is acting in (a merge
 * repoints every pole's records to the kept person): the policies let `system` through, then
 * the one acting is restored. Outside a transaction it only runs `fn`.
 */
export async function acrossPoles<T>(db: Executor, fn: () => Promise<T>): Promise<T> {
  const before = await readSettings(db);
  await db.execute(sql`select set_config(${SETTINGS.role}, 'system', true)`);
  try {
    return await fn();
  } finally {
    await db.execute(sql`select set_config(${SETTINGS.role}, ${before.role}, true)`).catch(() => undefined);
  }
}

/** Grants and policies, generated from the record kinds (rls.ts), run as the owner. */
async function applySecurity(run: (statement: string) => Promise<unknown>) {
  for (const statement of securityStatements()) await run(statement);
}

export function openDatabase(target: DatabaseTarget): Database {
  const token = {};
  if (target.kind === 'postgres') {
    const roles = target.roles;
    const pool = newPool(
      roles ? urlAs(target.url, DB_ROLES.app, roles.app) : target.url,
      target.poolSize ?? 10,
    );
    const countingPool = roles ? newPool(urlAs(target.url, DB_ROLES.counting, roles.counting), 2) : null;
    const root = drizzlePg(pool, { schema }) as unknown as Db;
    const countingDb = countingPool ? (drizzlePg(countingPool, { schema }) as unknown as Db) : null;
    const tx = transactions(root, token, false, countingDb);
    return {
      db: boundDb(root, token),
      kind: 'postgres',
      ...tx,
      countingDb: countingDb ?? countingExecute(boundDb(root, token), tx.counting),
      migrate: async () => {
        const admin = new pg.Client({ connectionString: target.url });
        await admin.connect();
        try {
          await prepareRoles(admin, roles ?? null);
          await admin.query(`set role ${DB_ROLES.owner}`);
          await migratePg(drizzlePg(admin, { schema }), { migrationsFolder: MIGRATIONS_DIR });
          await admin.query('begin');
          await applySecurity((s) => admin.query(s));
          await admin.query('commit');
        } finally {
          await admin.end();
        }
      },
      ping: async () => {
        try {
          await pool.query('select 1');
          return true;
        } catch {
          return false;
        }
      },
      close: async () => {
        await Promise.all([pool.end(), countingPool?.end()]);
      },
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // Extensions the migrations create must be loaded into the embedded engine too.
  const client = new PGlite({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    extensions: { pg_trgm },
  });
  const driver = drizzlePglite(client, { schema });
  const root = driver as unknown as Db;
  const tx = transactions(root, token, true, null);
  return {
    db: boundDb(root, token),
    kind: 'pglite',
    ...tx,
    countingDb: countingExecute(boundDb(root, token), tx.counting),
    migrate: async () => {
      await migratePglite(driver, { migrationsFolder: MIGRATIONS_DIR });
      // The embedded engine has one user, a superuser: the app's roles exist to switch to.
      await client.exec(`do $$ begin
        ${Object.values(DB_ROLES)
          .map(
            (role) =>
              `if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;`,
          )
          .join('\n')}
      end $$`);
      await client.transaction(async (tx) => {
        await applySecurity((s) => tx.exec(s));
      });
    },
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

/** A handle whose `execute` runs as the counting role (one connection: PGlite, scripts). */
function countingExecute(db: Db, counting: Database['counting']): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'execute') return (query: SQL) => counting((c) => c.execute(query));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function newPool(url: string, max: number) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // While the server is unreachable a request fails (503) rather than waiting forever.
    connectionTimeoutMillis: 10_000,
    // No just-in-time compilation: the app's statements run in milliseconds, and compiling one
    // whose estimated cost passes `jit_above_cost` (the figures' values, whose per-row probes
    // the planner costs for every row) took 0.5–3 s on a busy machine for a 60 ms query.
    options: '-c jit=off',
  });
  survivesDroppedConnections(pool);
  return pool;
}

/**
 * A connection the server drops (restart, failover, `pg_terminate_backend`) must not crash the
 * process. Idle ones: the pool reports them on its own 'error' event and replaces them. One in
 * use (a transaction between two statements) emits 'error' on the client, which nothing else
 * listens to: it is handed back to the pool with the error, so the pool discards it and its slot
 * frees even when the transaction never reached its own release; the code using it sees its
 * next statement fail (503) and releases it again, harmlessly.
 */
function survivesDroppedConnections(pool: pg.Pool) {
  const inUse = new Set<pg.PoolClient>();
  pool.on('error', () => undefined);
  pool.on('acquire', (client) => inUse.add(client));
  pool.on('release', (_err, client) => inUse.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      if (!inUse.has(client)) return;
      const release = client.release;
      client.release = () => undefined;
      release(err);
    });
  });
}

/** Rows changed by a raw statement: node-postgres says `rowCount`, PGlite `affectedRows`. */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
