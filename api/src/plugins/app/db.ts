import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../db/client.js';

/** The database the app was given; closed with the app. */
export default fp(
  async function database(app: FastifyInstance, opts: { database: Database; closeOnShutdown: boolean }) {
    app.decorate('database', opts.database);
    // Figures' values are counted here (api/src/modules/reports/figures/engine.ts). Today the
    // same connection; the security issue makes it a database role allowed only to count.
    app.decorate('countingDb', opts.database.db);
    if (opts.closeOnShutdown) app.addHook('onClose', async () => opts.database.close());
  },
  { name: 'database' },
);
