import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { hashPassword } from '../modules/platform/auth/passwords.js';
import { insertUser } from '../modules/platform/users/repository.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-cli-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
  ARGON2_MEMORY_KIB: '4096',
};
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/scripts/import.ts', ...args], {
    env,
    cwd: path.resolve(import.meta.dirname, '../..'),
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

beforeAll(async () => {
  const db = openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await db.migrate();
  await insertUser(db.db, {
    email: 'admin@cli.test',
    displayName: 'CLI admin',
    role: 'admin',
    poles: [],
    passwordHash: await hashPassword('unused-password-for-cli', { memoryKib: 4096 }),
  });
  await db.close();
});

describe('npm run import', () => {
  it('previews, imports, and a second run changes nothing, in the language asked', async () => {
    const file = path.join(dataDir, 'partenaire.csv');
    writeFileSync(
      file,
      'Référence;Nom;Secteurs\r\nC-1;Centre Test Nord;Santé mentale\r\nC-2;Maison Test Sud;homeless\r\n',
    );
    const preview = await cli('organisations', file, '--dry-run');
    expect(preview).toMatchObject({ code: 0 });
    expect(preview.out).toContain('Aperçu (rien écrit)');
    expect(preview.out).toContain('2 → 2 créés');
    expect((await cli('organisations', file)).out).toContain('Importé');
    const again = await cli('organisations', file, '--lang', 'nl');
    expect(again.out).toContain('0 aangemaakt, 0 gewijzigd, 2 ongewijzigd');
  }, 60_000);

  it('reports refused rows with their row and column, exits 1, and writes nothing', async () => {
    const file = path.join(dataDir, 'fautes.csv');
    writeFileSync(file, 'Nom;Secteurs\r\nRien Ne Passe;Astrologie\r\n');
    const res = await cli('organisations', file);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/ligne 2, Secteurs: .+«Astrologie»/);
    const probe = path.join(dataDir, 'probe.csv');
    writeFileSync(probe, 'Nom\r\nRien Ne Passe\r\n');
    expect((await cli('organisations', probe, '--dry-run')).out).toContain('1 → 1 créés');
  }, 60_000);

  it('says how to use it', async () => {
    const res = await cli('tenants', 'x.csv');
    expect(res.code).toBe(2);
    expect(res.out).toContain('usage: npm run import --');
  });
});
