/**
 * Backups of both databases (README "Backups", decision 16):
 * - PostgreSQL: `pg_dump` custom format, restored by `pg_restore` into a new, empty database;
 *   the client tools come from the PATH.
 * - The embedded PGlite: its own dump of the data directory (a gzipped tarball), restored into a
 *   new, empty data directory.
 * With a key the file is encrypted, streamed, with AES-256-GCM under a key derived from it
 * (scrypt, a fresh salt per file): `SMESBK01` | salt (16) | iv (12) | ciphertext | tag (16).
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { prepareRoles } from './roles.js';

export type BackupTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** A backup or restore that cannot go on, with what to do about it. */
export class BackupError extends Error {}

const MAGIC = Buffer.from('SMESBK01');
const SALT = 16;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + SALT + IV;

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** Whether a backup file starts with the encrypted format's marker. */
export function isEncrypted(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const n = readSync(fd, head, 0, MAGIC.length, 0);
    return n === MAGIC.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** A stream that encrypts what passes through it, header first, tag last. */
function encryptor(passphrase: string): Transform {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!started) {
        started = true;
        this.push(Buffer.concat([MAGIC, salt, iv]));
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(Buffer.concat([MAGIC, salt, iv]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/** Decrypts an encrypted backup into `out`; a wrong key or an altered file is refused. */
async function decryptFile(file: string, passphrase: string, out: string): Promise<void> {
  const size = statSync(file).size;
  if (size < HEADER + TAG) throw new BackupError(`${file} is too short to be an encrypted backup`);
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(HEADER);
  const tag = Buffer.alloc(TAG);
  try {
    readSync(fd, head, 0, HEADER, 0);
    readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    closeSync(fd);
  }
  const salt = head.subarray(MAGIC.length, MAGIC.length + SALT);
  const iv = head.subarray(MAGIC.length + SALT);
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(file, { start: HEADER, end: size - TAG - 1 }),
      decipher,
      createWriteStream(out, { mode: 0o600 }),
    );
  } catch {
    rmSync(out, { force: true });
    throw new BackupError('The backup could not be decrypted: wrong BACKUP_KEY, or the file was altered');
  }
}

function missingTool(tool: string): BackupError {
  return new BackupError(
    `${tool} was not found on the PATH. Install PostgreSQL's client tools, of the server's major version or newer ` +
      `(Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq), then run this again.`,
  );
}

/** Runs a PostgreSQL client tool; its stdout goes to `stdout` when given. */
function runTool(tool: string, args: string[], stdout?: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const piped = stdout && child.stdout ? pipeline(child.stdout, stdout) : Promise.resolve();
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? missingTool(tool) : error),
    );
    child.on('close', (code) => {
      piped.then(
        () => (code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}):\n${stderr}`))),
        reject,
      );
    });
  });
}

/** Writes through a temporary file renamed at the end: a failed backup leaves no half file. */
async function writeAtomically(file: string, write: (partial: string) => Promise<void>) {
  const partial = `${file}.partial`;
  try {
    await write(partial);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Backs the database up into `file` (encrypted when `key` is given). For the embedded engine the
 * app must not be running on that data directory (one process at a time owns it).
 */
export async function backup(target: BackupTarget, file: string, key?: string): Promise<void> {
  await writeAtomically(file, async (partial) => {
    if (target.kind === 'postgres') {
      const sink = createWriteStream(partial, { mode: 0o600 });
      if (key) {
        const enc = encryptor(key);
        const done = pipeline(enc, sink);
        await runTool('pg_dump', ['--format=custom', '--no-password', `--dbname=${target.url}`], enc);
        await done;
      } else {
        await runTool('pg_dump', ['--format=custom', '--no-password', `--dbname=${target.url}`], sink);
      }
      return;
    }
    if (!existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
      throw new BackupError(`No embedded database in ${target.dataDir}`);
    }
    const db = new PGlite({ dataDir: target.dataDir, extensions: { pg_trgm } });
    let blob: Blob;
    try {
      await db.waitReady;
      blob = await db.dumpDataDir('gzip');
    } finally {
      await db.close();
    }
    const source = Readable.fromWeb(blob.stream() as never);
    const sink = createWriteStream(partial, { mode: 0o600 });
    if (key) await pipeline(source, encryptor(key), sink);
    else await pipeline(source, sink);
  });
}

/** The backup as plain bytes on disk: the file itself, or a decrypted temporary copy. */
async function plainCopy<T>(file: string, key: string | undefined, use: (plain: string) => Promise<T>) {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}`);
  if (!isEncrypted(file)) return use(file);
  if (!key) throw new BackupError(`${file} is encrypted: set BACKUP_KEY to the key it was made with`);
  const dir = mkdtempSync(path.join(tmpdir(), 'smes-restore-'));
  const plain = path.join(dir, 'backup');
  try {
    await decryptFile(file, key, plain);
    return await use(plain);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Restores `file` into a NEW, empty database (PostgreSQL: an existing database with no tables;
 * PGlite: a data directory that does not exist or is empty). The app's roles are created on
 * the server first when missing (the app sets their passwords when it starts).
 */
export async function restore(target: BackupTarget, file: string, key?: string): Promise<void> {
  await plainCopy(file, key, async (plain) => {
    if (target.kind === 'postgres') {
      const admin = new pg.Client({ connectionString: target.url });
      try {
        await admin.connect();
      } catch (error) {
        throw new BackupError(
          `Cannot connect to the database to restore into (create it first, empty): ${(error as Error).message}`,
        );
      }
      try {
        const tables = await admin.query<{ n: string }>(
          `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')`,
        );
        if (Number(tables.rows[0]!.n) > 0) {
          throw new BackupError(
            'The database to restore into already has tables: restore into a new, empty database, then point DATABASE_URL at it',
          );
        }
        await prepareRoles(admin, null);
      } finally {
        await admin.end();
      }
      await runTool('pg_restore', [
        '--exit-on-error',
        '--single-transaction',
        '--no-password',
        `--dbname=${target.url}`,
        plain,
      ]);
      return;
    }
    if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
      throw new BackupError(
        `${target.dataDir} is not empty: restore into a new data directory (move the old one aside first)`,
      );
    }
    const bytes = readFileSync(plain);
    const db = new PGlite({
      dataDir: target.dataDir,
      extensions: { pg_trgm },
      loadDataDir: new Blob([bytes]),
    });
    try {
      await db.waitReady;
      await db.query('select 1');
    } finally {
      await db.close();
    }
  });
}

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/**
 * Every table of the app's schemas with its row count and the md5 of its rows ordered by
 * primary key (every column when it has none): what a restore drill compares.
 */
export async function tableChecksums(
  query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>,
): Promise<TableChecksum[]> {
  const tables = await query(
    `select format('%I.%I', n.nspname, c.relname) as name,
            coalesce((select string_agg(format('t.%I', a.attname), ', ' order by array_position(i.indkey::int2[], a.attnum))
                        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
                       where i.indrelid = c.oid and i.indisprimary), 't::text') as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')
      order by 1`,
  );
  const result: TableChecksum[] = [];
  for (const t of tables.rows) {
    const r = await query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${String(t.pk)}), '')) as md5
         from ${String(t.name)} t`,
    );
    result.push({ table: String(t.name), rows: Number(r.rows[0]!.rows), md5: String(r.rows[0]!.md5) });
  }
  return result;
}
