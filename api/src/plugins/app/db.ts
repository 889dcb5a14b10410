import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../db/client.js';

/** The database the app was given; closed with the app. */
export default fp(
  async function database(app: FastifyInstance, opts: { database: Database; closeOnShutdown: boolean }) {
    app.decorate('database', opts.database);
    // Figures' values are counted here (api/src/modules/reports/figures/engine.ts): as the
    // counting role, which reads every pole's rows of the kinds' tables and nothing else.
    app.decorate('countingDb', opts.database.countingDb);
    if (opts.closeOnShutdown) app.addHook('onClose', async () => opts.database.close());
  },
  { name: 'database' },
);
