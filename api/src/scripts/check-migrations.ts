/**
 * Fails when the Drizzle schema and the committed migrations disagree: drizzle-kit generates
 * into a scratch copy of migrations/, and any new file means someone forgot `pnpm db:generate`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from '../db/client.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'smes-migrations-'));
const out = path.join(scratch, 'migrations');
cpSync(MIGRATIONS_DIR, out, { recursive: true });
const configFile = path.join(scratch, 'drizzle.config.json');
writeFileSync(
  configFile,
  // drizzle-kit reads these paths relative to its working directory, absolute ones included.
  JSON.stringify({
    dialect: 'postgresql',
    schema: './src/db/schema/index.ts',
    out: path.relative(apiDir, out),
  }),
);

const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const before = list(out);
try {
  const output = execFileSync(
    path.join(apiDir, 'node_modules/.bin/drizzle-kit'),
    ['generate', `--config=${configFile}`],
    {
      cwd: apiDir,
      encoding: 'utf8',
      stdio: 'pipe',
    },
  );
  // drizzle-kit can exit 0 on failure; only its own "nothing to migrate" or a new file count.
  if (!/No schema changes/i.test(output) && list(out).length === before.length) {
    throw new Error(`drizzle-kit did not run as expected:\n${output}`);
  }
  const added = list(out).filter((f) => !before.includes(f));
  if (added.length > 0) {
    process.stderr.write(
      `The Drizzle schema has changes that no committed migration holds (would add: ${added.join(', ')}).\n` +
        'Run `pnpm db:generate` and commit migrations/.\n',
    );
    process.exitCode = 1;
  } else {
    process.stdout.write('Migrations match the schema.\n');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
