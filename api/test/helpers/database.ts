import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { TEST_ROLE_PASSWORDS } from './roles.js';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase extends Database {
  /**
   * The administrator's connection (a superuser: no row security, no grants in the way), for
   * what a test sets up or checks behind the app's back. The app itself runs as smes_app.
   */
  superuser: Db;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a clone of the migrated template on the PostgreSQL
 * server, where the app connects as smes_app, or a fresh in-memory PGlite, migrated, where it
 * switches to smes_app in each transaction it acts in. `drop()` removes it.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `smes_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const database = openDatabase({
      kind: 'postgres',
      url: withDatabase(url, name),
      poolSize: 5,
      roles: TEST_ROLE_PASSWORDS,
    });
    const superuserPool = new pg.Pool({ connectionString: withDatabase(url, name), max: 2 });
    // An idle connection ended by the server (the file's database dropped) is no test failure.
    superuserPool.on('error', () => undefined);
    return {
      ...database,
      superuser: drizzle(superuserPool, { schema }) as unknown as Db,
      drop: async () => {
        await database.close().catch(() => undefined);
        await superuserPool.end().catch(() => undefined);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const database = openDatabase({ kind: 'pglite' });
  await database.migrate();
  // Outside a transaction the app acts in, the embedded engine's handle is its superuser.
  return { ...database, superuser: database.db, drop: () => database.close().catch(() => undefined) };
}
