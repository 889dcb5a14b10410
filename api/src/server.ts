import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { rolePasswords } from './db/roles.js';
import { ensureFirstAdministrator } from './modules/platform/users/bootstrap.js';
import path from 'node:path';

/** Start-up: validate the configuration, open and migrate the database, listen; stop gracefully. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  // On a server: DATABASE_URL is the administrator's (it creates the roles and migrates as the
  // owner); the app then serves as smes_app, which owns nothing (src/db/roles.ts).
  const database = config.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: config.DATABASE_URL, roles: rolePasswords(config.DATA_DIR) })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.DATA_DIR, 'pglite') });
  await database.migrate();

  const app = await buildApp({ config, database });
  app.log.info({ database: database.kind }, 'database ready, migrations applied');
  await ensureFirstAdministrator(database.db, config, app.log);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  process.stdout.write(`Smes platform listening on http://localhost:${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
