import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

export type DbKind = 'postgres' | 'pglite';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  database: Database;
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
export async function openBenchDatabase(kind: DbKind, adminUrl: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const database = openDatabase({ kind: 'pglite' });
    await database.migrate();
    return {
      database,
      serverVersion: await version(database),
      drop: () => database.close().catch(() => undefined),
    };
  }
  const name = `smes_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const database = openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, name) });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await database.close().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await database.migrate();
    return { database, serverVersion: await version(database), drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

async function version(database: Database): Promise<string> {
  const result = await database.db.execute<{ version: string }>('select version() as version');
  // Both drivers answer `{ rows }`; Drizzle's type for it depends on the driver.
  const { rows } = result as unknown as { rows: { version: string }[] };
  return rows[0]?.version.split(' on ')[0] ?? 'unknown';
}
