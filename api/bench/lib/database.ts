import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { TEST_ROLE_PASSWORDS } from '../../test/helpers/roles.js';

export type DbKind = 'postgres' | 'pglite';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Who the app connects as on PostgreSQL: `app`, as in production (`smes_app` under row
 * security, figures' values as `smes_count`); `superuser`, the bench's connection itself, which
 * row security never binds (how the runs before 2026-12-01 late evening were measured).
 */
export type ConnectAs = 'app' | 'superuser';

export interface BenchDatabase {
  database: Database;
  /**
   * The owner's handle (a superuser), for seeding and the bare-SQL yardstick: the app's own
   * handle, as `smes_app` outside a request, may write nothing.
   */
  owner: Db;
  /** "PostgreSQL 15.4 …" as the server reports it. */
  serverVersion: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database: on the PostgreSQL server a database of the bench's own
 * (`smes_bench_<pid>`, dropped afterwards), or an in-memory PGlite.
 */
export async function openBenchDatabase(
  kind: DbKind,
  adminUrl: string,
  as: ConnectAs = 'app',
): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    // One user, a superuser: outside a request its handle is the owner's; each request's
    // transaction switches to the app's role, as in the app.
    const database = openDatabase({ kind: 'pglite' });
    await database.migrate();
    return {
      database,
      owner: database.db,
      serverVersion: await version(database.db),
      drop: () => database.close().catch(() => undefined),
    };
  }
  const name = `smes_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = withDatabase(adminUrl, name);
  // The tests' role passwords: the roles are the cluster's, shared with everyone's tests on it,
  // so the bench sets the same ones (a password of its own would lock their runs out).
  const database = openDatabase({
    kind: 'postgres',
    url,
    ...(as === 'app' ? { roles: TEST_ROLE_PASSWORDS } : {}),
  });
  const ownerPool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' });
  ownerPool.on('error', () => undefined);
  const owner = drizzle(ownerPool, { schema }) as unknown as Db;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await database.close().catch(() => undefined);
    await ownerPool.end().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await database.migrate();
    return { database, owner, serverVersion: await version(owner), drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

async function version(db: Db): Promise<string> {
  const result = await db.execute<{ version: string }>('select version() as version');
  // Both drivers answer `{ rows }`; Drizzle's type for it depends on the driver.
  const { rows } = result as unknown as { rows: { version: string }[] };
  return rows[0]?.version.split(' on ')[0] ?? 'unknown';
}
