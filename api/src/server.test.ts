import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const apiDir = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

/** The real server process (`node --import tsx src/server.ts`), as `npm start` runs it. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      ARGON2_MEMORY_KIB: '4096',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = async () => {
    for (let i = 0; i < 900 && !/listening on (http:\/\/localhost:\d+)/.test(output); i++)
      await new Promise((r) => setTimeout(r, 100));
    const url = output.match(/listening on (http:\/\/localhost:\d+)/)?.[1];
    if (!url) throw new Error(`server did not start:\n${output}`);
    return url.replace('localhost', '127.0.0.1');
  };
  return { child, exited, listening, output: () => output };
}

const login = (url: string, email: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('the server process', () => {
  it('keeps its data across a restart, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-server-'));
    const env = {
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'boss@smes.test',
      ADMIN_PASSWORD: 'Etterbeek-Jette-Evere-1040',
      // The first administrator would have to enrol a second factor before creating anyone;
      // this test is about the data surviving a restart (enrolment has its own tests).
      MFA_REQUIRED_FOR: 'none',
    };

    const first = start(env);
    const url1 = await first.listening();
    const session = (await (await login(url1, 'boss@smes.test', env.ADMIN_PASSWORD)).json()) as {
      accessToken: string;
    };
    const created = await fetch(`${url1}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({
        email: 'kept@smes.test',
        displayName: 'Kept',
        role: 'board',
        poles: [],
        password: 'Woluwe-Saint-Lambert-1200',
      }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    const second = start(env);
    const url2 = await second.listening();
    expect((await login(url2, 'kept@smes.test', 'Woluwe-Saint-Lambert-1200')).status).toBe(200);
    expect(second.output()).not.toContain('First administrator created');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);

  it('refuses to start on bad configuration, listing every problem', async () => {
    const bad = start({
      PORT: 'eighty',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smes-bad-')),
    });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/Invalid configuration:[\s\S]*PORT[\s\S]*ACCESS_TOKEN_TTL_SECONDS/);
  }, 30_000);
});
