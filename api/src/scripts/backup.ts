/**
 * Backups from the command line (README "Backups", decision 16):
 *   npm run backup  -- [file]                      the database DATABASE_URL names, or the embedded one
 *   npm run restore -- <file> [--into <target>]    into a NEW, empty database
 * `--into`: a postgres:// URL (an empty database, created beforehand) or a data directory for the
 * embedded engine (absent or empty). Default: DATABASE_URL, or DATA_DIR/pglite. With BACKUP_KEY
 * set, backups are encrypted (AES-256-GCM) and restores decrypt with it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, REPO_ROOT } from '../config.js';
import { backup, BackupError, restore, type BackupTarget } from '../db/backup.js';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(
    'usage: npm run backup -- [file]\n       npm run restore -- <file> [--into <postgres://…/new-database | data directory>]\n',
  );
  process.exit(2);
}

function stamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
}

async function main() {
  const mode = process.argv[2];
  const { values, positionals } = parseArgs({
    args: process.argv.slice(3),
    allowPositionals: true,
    options: { into: { type: 'string' } },
  });
  const config = loadConfig();
  const key = process.env.BACKUP_KEY || undefined;
  if (key !== undefined && key.length < 16) usage('BACKUP_KEY: at least 16 characters');
  const current: BackupTarget = config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(config.DATA_DIR, 'pglite') };

  if (mode === 'backup') {
    const ext = current.kind === 'postgres' ? 'pgdump' : 'pglite.tar.gz';
    const file = path.resolve(
      positionals[0] ?? path.join(REPO_ROOT, 'backups', `smes-${stamp()}.${ext}${key ? '.enc' : ''}`),
    );
    mkdirSync(path.dirname(file), { recursive: true });
    await backup(current, file, key);
    process.stdout.write(
      `Backup written: ${file}${key ? ' (encrypted with BACKUP_KEY)' : ' (NOT encrypted: set BACKUP_KEY)'}\n`,
    );
  } else if (mode === 'restore') {
    const file = positionals[0];
    if (!file) usage('no backup file given');
    const into = values.into;
    const target: BackupTarget = into
      ? /^postgres(ql)?:\/\//.test(into)
        ? { kind: 'postgres', url: into }
        : { kind: 'pglite', dataDir: path.resolve(into) }
      : current;
    await restore(target, path.resolve(file), key);
    process.stdout.write(
      `Restored ${file} into ${target.kind === 'postgres' ? 'the PostgreSQL database given' : target.dataDir}.\n` +
        'Then: start the app on it, and re-apply the erasures made since this backup (README "Backups").\n',
    );
  } else usage();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof BackupError ? '' : 'Failed: '}${message}\n`);
  process.exit(1);
});
