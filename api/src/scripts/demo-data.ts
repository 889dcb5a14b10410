/**
 * Loads fictional demo accounts, one per role and pole, and a few Support requests in every
 * state (`demo-support.ts`), for trying the product. Every name here is invented. Safe to run
 * twice: accounts that exist are left alone, and the requests are added once.
 * Usage: `npm run demo` (same DATABASE_URL / DATA_DIR as the app).
 */
import path from 'node:path';
import type { Pole, Role } from '@smes/shared';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { auditAnonymous } from '../modules/platform/audit/service.js';
import { DEMO_PASSWORD, hashPassword } from '../modules/platform/auth/passwords.js';
import { emailTaken, insertUser } from '../modules/platform/users/repository.js';
import { loadSupportDemo } from './demo-support.js';

const DEMO_USERS: { email: string; displayName: string; role: Role; poles: Pole[]; locale: 'fr' | 'nl' }[] = [
  {
    email: 'coordination.connect@demo.smes',
    displayName: 'Lotte Vandamme',
    role: 'coordinator',
    poles: ['connect'],
    locale: 'nl',
  },
  {
    email: 'support@demo.smes',
    displayName: 'Youssef Amrani',
    role: 'worker',
    poles: ['support'],
    locale: 'fr',
  },
  {
    email: 'housing.first@demo.smes',
    displayName: 'Sofie Claes',
    role: 'worker',
    poles: ['housing_first'],
    locale: 'nl',
  },
  {
    email: 'coordination.terrain@demo.smes',
    displayName: 'Camille Dubois',
    role: 'coordinator',
    poles: ['support', 'housing_first'],
    locale: 'fr',
  },
  {
    email: 'comptabilite@demo.smes',
    displayName: 'Inès Lambert',
    role: 'accountant',
    poles: [],
    locale: 'fr',
  },
  { email: 'bestuur@demo.smes', displayName: 'Pieter Wouters', role: 'board', poles: [], locale: 'nl' },
];

async function main() {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') {
    throw new Error('demo accounts share a published password: refused with NODE_ENV=production');
  }
  const database = config.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: config.DATABASE_URL })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.DATA_DIR, 'pglite') });
  await database.migrate();
  const passwordHash = await hashPassword(DEMO_PASSWORD, { memoryKib: config.ARGON2_MEMORY_KIB });
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await emailTaken(database.db, user.email)) continue;
    await database.db.transaction(async (tx) => {
      const row = await insertUser(tx, { ...user, passwordHash });
      await auditAnonymous(tx, {
        actorId: null,
        actorEmail: null,
        action: 'create',
        resourceType: 'user',
        resourceId: row.id,
        ip: null,
        details: { email: row.email, role: row.role, poles: row.poles, reason: 'demo data' },
      });
    });
    created.push(`  ${user.role.padEnd(12)} ${user.poles.join('+').padEnd(22)} ${user.email}`);
  }
  const supportRequests = await loadSupportDemo(database.db, {
    coordinator: 'coordination.terrain@demo.smes',
    worker: 'support@demo.smes',
  });
  await database.close();
  if (supportRequests) {
    process.stdout.write(
      `Support: ${supportRequests} fictional requests (new to closed) on the due board.\n`,
    );
  }
  process.stdout.write(
    created.length
      ? `Demo accounts created (password for all: ${DEMO_PASSWORD}):\n${created.join('\n')}\n` +
          `Accounts that MFA_REQUIRED_FOR covers (by default administrators, Support and Housing First)\n` +
          `set up an authenticator app at their first sign-in: scan the QR code with any TOTP app\n` +
          `(Aegis, FreeOTP, Google or Microsoft Authenticator…), or run the app with MFA_REQUIRED_FOR=none\n` +
          `to try it without.\n`
      : 'Demo accounts were already there; nothing changed.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo data failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
