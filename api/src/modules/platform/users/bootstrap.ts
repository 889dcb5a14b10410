import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { auditAnonymous } from '../audit/service.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { countUsers, insertUser } from './repository.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@smes.local';
/** Read in French and in Dutch alike, and neither gendered nor English ("Administrator"). */
export const FIRST_ADMIN_NAME = 'Admin Smes';

/**
 * On an empty database, creates the first administrator: from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * with a generated password that is printed once, here, and stored nowhere else.
 */
export async function ensureFirstAdministrator(
  db: Db,
  config: Config,
  log: FastifyBaseLogger,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const email = (config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const given = config.ADMIN_PASSWORD;
  if (given) {
    const problem = passwordProblem(given, email);
    if (problem)
      throw new Error(
        `ADMIN_PASSWORD is not acceptable (${problem}): use 12+ characters, not a common password`,
      );
  }
  const password = given ?? randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password, { memoryKib: config.ARGON2_MEMORY_KIB });
  await db.transaction(async (tx) => {
    const admin = await insertUser(tx, {
      email,
      displayName: FIRST_ADMIN_NAME,
      passwordHash,
      role: 'admin',
      poles: [],
    });
    await auditAnonymous(tx, {
      actorId: null,
      actorEmail: null,
      action: 'create',
      resourceType: 'user',
      resourceId: admin.id,
      ip: null,
      details: { email, role: 'admin', reason: 'first start' },
    });
  });
  log.info({ email }, 'first administrator created');
  if (!given) {
    print('');
    print('  First administrator created. This password is shown once and stored nowhere:');
    print(`    e-mail:   ${email}`);
    print(`    password: ${password}`);
    print(
      '  Sign in and change it (Account page), or set ADMIN_EMAIL / ADMIN_PASSWORD on an empty database.',
    );
    print('');
  }
}
