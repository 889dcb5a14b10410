#!/usr/bin/env node
// The two commands a newcomer needs, with nothing but Node 20.19+ installed:
//   npm start  → install, build the SPA, serve API + SPA on http://localhost:3000
//   npm test   → install, then every check: types, lint, migrations, API, web, browser
//   npm run demo → load fictional demo accounts
//   npm run import -- <kind> <file> … → the import command line, paths as typed
//   npm run backup / npm run restore -- <file> → backups of either database (README "Backups")
// Install and the SPA's build run only when their inputs changed, so a restart is quick.
// Node built-ins only: this runs before anything is installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** A fingerprint of files and folders (paths, sizes, modification times): cheap, no reading. */
function fingerprint(entries) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return hash.update(`${p}:absent\n`);
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const e of entries) walk(path.join(root, e));
  return hash.digest('hex');
}

/** Runs `action` unless the stamp file says it already ran on these very inputs. */
function unlessUnchanged(stamp, inputs, action) {
  const stampFile = path.join(root, stamp);
  const print = fingerprint(inputs);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print) return true;
  if (!action()) return false;
  writeFileSync(stampFile, print);
  return true;
}

const MANIFESTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'api/package.json',
  'web/package.json',
  'shared/package.json',
];

function install() {
  const ok = unlessUnchanged('node_modules/.smes-installed', MANIFESTS, () => {
    step('install');
    return run(['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])]);
  });
  if (!ok) {
    process.stderr.write(
      'Install failed (argon2 builds with python3, make and a C++ compiler if no prebuilt fits).\n',
    );
    process.exit(1);
  }
}

/** The SPA, rebuilt when its sources, the shared contracts or the dependencies changed. */
function buildSpa() {
  return unlessUnchanged('web/dist/.smes-built', [...MANIFESTS, 'web', 'shared/src'], () => {
    step('build the SPA');
    return run(['--filter', '@smes/web', 'build']);
  });
}

/**
 * The browser tests drive Debian's Chromium. Installed here when it can be (root, or sudo
 * without a password, and apt-get), as CI does; otherwise the exact command is said.
 */
function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(wanted)) return true;
  const how = 'apt-get update && apt-get install -y chromium';
  if (!process.env.CHROMIUM_PATH && existsSync('/usr/bin/apt-get')) {
    const asRoot = process.getuid?.() === 0;
    const sudo = !asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    if (asRoot || sudo) {
      process.stdout.write(`Chromium is missing: installing Debian's package (${how}).\n`);
      const prefix = sudo ? ['sudo', '-n'] : [];
      const apt = (...args) => {
        const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
        return (
          spawnSync(cmd, rest, {
            stdio: 'inherit',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          }).status === 0
        );
      };
      if (apt('update', '-qq') && apt('install', '-y', '-qq', 'chromium') && existsSync(wanted)) return true;
    }
  }
  process.stderr.write(
    `The browser tests need Chromium at ${wanted}, and it could not be installed from here.\n` +
      `Install it as root with:  ${how}\n` +
      '(on a distribution without apt-get, install its chromium package), or set CHROMIUM_PATH to a\n' +
      'Chromium or Chrome executable; then run npm test again.\n',
  );
  return false;
}

if (mode === 'start') {
  install();
  if (!buildSpa()) process.exit(1);
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
} else if (mode === 'import') {
  install();
  // Run where `npm run import` was typed, so a file's path means what the user meant; tsx is
  // found from the API's own dependencies.
  const apiDir = path.join(root, 'api');
  const tsx = pathToFileURL(createRequire(path.join(apiDir, 'package.json')).resolve('tsx')).href;
  const res = spawnSync(
    process.execPath,
    ['--import', tsx, path.join(apiDir, 'src/scripts/import.ts'), ...process.argv.slice(3)],
    { cwd: process.env.INIT_CWD ?? process.cwd(), stdio: 'inherit' },
  );
  process.exit(res.status ?? 1);
} else if (mode === 'backup' || mode === 'restore') {
  install();
  // Like import: a file's path means what it means where the command was typed.
  const apiDir = path.join(root, 'api');
  const tsx = pathToFileURL(createRequire(path.join(apiDir, 'package.json')).resolve('tsx')).href;
  const res = spawnSync(
    process.execPath,
    ['--import', tsx, path.join(apiDir, 'src/scripts/backup.ts'), mode, ...process.argv.slice(3)],
    { cwd: process.env.INIT_CWD ?? process.cwd(), stdio: 'inherit' },
  );
  process.exit(res.status ?? 1);
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
  check('build the SPA', () => buildSpa());
  if (!failed.includes('build the SPA'))
    check('browser tests', () => ensureChromium() && vitest('e2e', '@smes/web', 'test:e2e'));

  step('summary');
  if (failed.length) process.stdout.write(`Failed steps: ${failed.join(', ')}\n`);
  else process.stdout.write('Every step passed.\n');
  process.stdout.write(
    `tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`,
  );
  process.exit(failed.length ? 1 : 0);
} else {
  process.stderr.write('usage: node scripts/run.mjs start|test|demo|import|backup|restore\n');
  process.exit(2);
}
