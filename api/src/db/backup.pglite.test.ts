import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore, tableChecksums } from './backup.js';
import { openDatabase } from './client.js';

/**
 * The restore drill on the embedded engine (its own dump of the data directory): data made,
 * backed up (encrypted), restored into a new data directory, and every table's row
 * count and md5 of its rows ordered by primary key compared.
 */
let dir: string;
let source: string;
const KEY = 'a fictional backup key for tests';

async function checksums(dataDir: string) {
  const db = new PGlite({ dataDir, extensions: { pg_trgm } });
  try {
    return await tableChecksums((text) => db.query<Record<string, unknown>>(text));
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'smes-backup-'));
  source = path.join(dir, 'source');
  const database = openDatabase({ kind: 'pglite', dataDir: source });
  await database.migrate();
  await database.db.execute(sql`
    insert into people (first_name, last_name, search_key, match_key, email, notes)
    select 'Prénom' || i, 'Fictif' || i, 'prenom' || i || ' fictif' || i, 'fictif' || i,
           'personne' || i || '@example.test', 'Note fictive ' || i
      from generate_series(1, 40) i`);
  await database.close();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The embedded engine's files: the PGlite project only (vitest.config.ts); PostgreSQL has its own drill.
describe('restore drill (embedded PGlite)', () => {
  // Opening and closing an embedded data directory takes seconds on a loaded machine.
  it('restores an encrypted backup into a new data directory with identical counts and checksums', async () => {
    const file = path.join(dir, 'smes.pglite.tar.gz.enc');
    await backup({ kind: 'pglite', dataDir: source }, file, KEY);
    expect(readFileSync(file).subarray(0, 8).toString()).toBe('SMESBK01');
    const target = path.join(dir, 'restored');
    await restore({ kind: 'pglite', dataDir: target }, file, KEY);

    const before = await checksums(source);
    const after = await checksums(target);
    expect(before.find((c) => c.table === 'public.people')?.rows).toBe(40);
    expect(before.length).toBeGreaterThan(20);
    expect(after).toEqual(before);
  }, 240_000);

  it('refuses to restore into a data directory that is not empty', async () => {
    const file = path.join(dir, 'again.pglite.tar.gz');
    await backup({ kind: 'pglite', dataDir: source }, file);
    await expect(restore({ kind: 'pglite', dataDir: source }, file)).rejects.toThrow(/not empty/);
  }, 120_000);
});
