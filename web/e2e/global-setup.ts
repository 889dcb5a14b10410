import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const WEB_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const API_DIR = resolve(WEB_DIR, '..', 'api');
const DIST_DIR = join(WEB_DIR, 'dist');

export const ADMIN_EMAIL = 'admin@smes.test';
/** 16+ characters and not in any common-password list. */
export const ADMIN_PASSWORD = 'Kanaal-Zenne-Tram-81-Molenbeek';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    apiUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string) {
  // Generous: on a busy machine (CI, several test runs at once) the first start is slow.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The API server exited (code ${server.exitCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API server did not answer 200 on ${url} within 180 s:\n${output()}`);
}

/** Starts the real API (embedded PGlite in a fresh folder) serving the built SPA. */
export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error(
      `web/dist is missing (${DIST_DIR}). Build the SPA first: pnpm --filter @smes/web build ` +
        '(pnpm --filter @smes/web test:e2e does it for you).',
    );
  }
  if (!existsSync(join(API_DIR, 'src', 'server.ts'))) {
    throw new Error(`The API is missing: ${join(API_DIR, 'src', 'server.ts')} does not exist.`);
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'smes-e2e-'));
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      WEB_DIST_DIR: DIST_DIR,
      LOG_LEVEL: 'warn',
      // The lowest cost production accepts (OWASP's minimum), to keep sign-ins quick.
      ARGON2_MEMORY_KIB: '19456',
      // Many browser tests share one address; the limit has its own API test.
      RATE_LIMIT_PER_MINUTE: '100000',
      // Every browser test signs in from 127.0.0.1, and some try wrong passwords on purpose.
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      // A check is charged before the password is looked at (so a flood is never checked), and
      // the files sign in as the shared administrator at the same time: more than five
      // sign-ins in flight at once were answered 429. The throttle has its own API tests.
      LOGIN_MAX_FAILURES: '1000',
      // Support and Housing First accounts must have a second factor, as in production; the
      // shared administrator is left out so that the many sign-ins as them (a code works once
      // per 30-second step) need no waiting. The API tests hold administrators to it.
      MFA_REQUIRED_FOR: 'support,housing_first',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const teardown = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.E2E_SERVER_LOG) process.stdout.write(`\n--- API server log ---\n${log}\n`);
  };

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, server, () => log);
  } catch (error) {
    await teardown();
    throw error;
  }

  // The refresh cookie is Secure: Chromium keeps it on http://localhost, not on http://127.0.0.1.
  project.provide('baseUrl', `http://localhost:${port}`);
  project.provide('apiUrl', `http://127.0.0.1:${port}`);
  project.provide('adminEmail', ADMIN_EMAIL);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return teardown;
}
