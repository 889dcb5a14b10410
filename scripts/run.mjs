#!/usr/bin/env node
// The two commands a newcomer needs, with nothing but Node 20.19+ installed:
//   npm start  → install, build the SPA, serve API + SPA on http://localhost:3000
//   npm test   → install, then every check: types, lint, migrations, API, web, browser
//   npm run demo → load fictional demo accounts
// Node built-ins only: this runs before anything is installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const mode = process.argv[2];

/** pnpm as installed, else the pinned version through npx (corepack is not relied upon). */
function pnpmCommand() {
  try {
    const v = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (v.split('.')[0] === pnpmVersion.split('.')[0]) return ['pnpm'];
  } catch {
    // not installed
  }
  return ['npx', '--yes', `pnpm@${pnpmVersion}`];
}
const pnpm = pnpmCommand();

function run(args, opts = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  const res = spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', ...opts });
  return res.status === 0;
}

function step(title) {
  process.stdout.write(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\n`);
}

function install() {
  step('install');
  const args = ['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])];
  if (!run(args)) {
    process.stderr.write(
      'Install failed (argon2 builds with python3, make and a C++ compiler if no prebuilt fits).\n',
    );
    process.exit(1);
  }
}

if (mode === 'start') {
  install();
  step('build the SPA');
  if (!run(['--filter', '@smes/web', 'build'])) process.exit(1);
  step('start');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: path.join(root, 'api'),
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (mode === 'demo') {
  install();
  if (!run(['--filter', '@smes/api', 'demo'])) process.exit(1);
} else if (mode === 'test') {
  install();
  const reports = mkdtempSync(path.join(tmpdir(), 'smes-test-reports-'));
  const failed = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };

  const vitest = (name, filter, script) => {
    const report = path.join(reports, `${name}.json`);
    // pnpm 10 hands the arguments to the script as they are: no `--` in between.
    const ok = run([
      '--filter',
      filter,
      script,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ]);
    if (!existsSync(report)) {
      // Without its report the closing count would be wrong: say so and fail the step.
      process.stderr.write(`No test report from ${name}; its tests are not counted.\n`);
      return false;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    return ok;
  };
  const check = (title, fn) => {
    step(title);
    if (!fn()) failed.push(title);
  };

  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write(
      '\nNote: TEST_DATABASE_URL is not set, so the API tests run on the embedded PGlite only.\n' +
        'Set it (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them on a PostgreSQL server too.\n',
    );
  }
  check('typecheck', () => run(['-r', 'typecheck']));
  check('lint and format', () => run(['exec', 'eslint', '.']) && run(['exec', 'prettier', '--check', '.']));
  check('migrations match the schema', () => run(['--filter', '@smes/api', 'db:check']));
  check('shared tests', () => vitest('shared', '@smes/shared', 'test'));
  check('API tests', () => vitest('api', '@smes/api', 'test'));
  check('web unit tests', () => vitest('web', '@smes/web', 'test'));
  check('build the SPA', () => run(['--filter', '@smes/web', 'build']));
  if (!failed.includes('build the SPA')) check('browser tests', () => vitest('e2e', '@smes/web', 'test:e2e'));

  step('summary');
  if (failed.length) process.stdout.write(`Failed steps: ${failed.join(', ')}\n`);
  else process.stdout.write('Every step passed.\n');
  process.stdout.write(
    `tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`,
  );
  process.exit(failed.length ? 1 : 0);
} else {
  process.stderr.write('usage: node scripts/run.mjs start|test|demo\n');
  process.exit(2);
}
