import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { backup, restore, tableChecksums } from './backup.js';

/**
 * The restore drill on a PostgreSQL server (pg_dump / pg_restore from the PATH): data made, backed
 * up (encrypted), restored into a NEW database, and every table's row count and md5 of its rows
 * ordered by primary key compared.
 */
let t: TestApp;
let dir: string;
let sourceUrl: string;
let restoredName: string;
let admin: pg.Client;
const KEY = 'a fictional backup key for tests';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function checksums(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await tableChecksums((text) => client.query(text));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'smes-backup-'));
  const result = await t.superuser.execute(sql`select current_database() as name`);
  const name = (result as unknown as { rows: { name: string }[] }).rows[0]!.name;
  sourceUrl = withDatabase(process.env.TEST_DATABASE_URL!, name);
  restoredName = `${name}_restored`;
  admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  // Data of several kinds: a signed-in administrator (user, factor, session, audit) and people.
  await signedIn(t.app, { role: 'admin' });
  await t.superuser.execute(sql`
    insert into people (first_name, last_name, search_key, match_key, email, notes)
    select 'Prénom' || i, 'Fictif' || i, 'prenom' || i || ' fictif' || i, 'fictif' || i,
           'personne' || i || '@example.test', 'Note fictive ' || i
      from generate_series(1, 40) i`);
});
afterAll(async () => {
  await admin.query(`drop database if exists ${restoredName} with (force)`);
  await admin.end();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('restore drill (PostgreSQL)', () => {
  it('restores an encrypted backup into a new database with identical counts and checksums', async () => {
    const file = path.join(dir, 'smes.pgdump.enc');
    await backup({ kind: 'postgres', url: sourceUrl }, file, KEY);
    // Encrypted: no person's name readable in the file.
    expect(readFileSync(file).includes(Buffer.from('Fictif1'))).toBe(false);

    await admin.query(`create database ${restoredName}`);
    await restore(
      { kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, restoredName) },
      file,
      KEY,
    );

    const before = await checksums(sourceUrl);
    const after = await checksums(withDatabase(process.env.TEST_DATABASE_URL!, restoredName));
    expect(before.find((c) => c.table === 'public.people')?.rows).toBe(40);
    expect(before.length).toBeGreaterThan(20);
    expect(after).toEqual(before);
  });

  it('refuses to restore over a database that has tables, and a wrong key', async () => {
    const file = path.join(dir, 'again.pgdump.enc');
    await backup({ kind: 'postgres', url: sourceUrl }, file, KEY);
    await expect(restore({ kind: 'postgres', url: sourceUrl }, file, KEY)).rejects.toThrow(
      /already has tables/,
    );
    await expect(
      restore({ kind: 'postgres', url: sourceUrl }, file, 'not the key it was made with'),
    ).rejects.toThrow(/wrong BACKUP_KEY/);
    await expect(restore({ kind: 'postgres', url: sourceUrl }, file)).rejects.toThrow(/is encrypted/);
  });

  it('an altered encrypted backup is refused', async () => {
    const file = path.join(dir, 'altered.pgdump.enc');
    await backup({ kind: 'postgres', url: sourceUrl }, file, KEY);
    const bytes = readFileSync(file);
    bytes[200] = bytes[200]! ^ 0xff;
    writeFileSync(file, bytes);
    await expect(restore({ kind: 'postgres', url: sourceUrl }, file, KEY)).rejects.toThrow(/altered/);
  });
});
