import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { SYSTEM } from '../../../db/client.js';
import { removeExpiredParticipants } from './retention.js';

/**
 * Runs the intervision retention when the server starts and then every
 * RETENTION_INTERVAL_HOURS (0 turns it off), logging what it removed. A failed pass is logged
 * and tried again at the next tick; it never stops the server.
 */
const retentionSchedule: FastifyPluginAsync = async (app) => {
  const hours = app.config.RETENTION_INTERVAL_HOURS;
  if (hours === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      // No one is signed in: the app acts as itself (the policies let `system` through).
      const run = await app.database.acting(SYSTEM, () =>
        removeExpiredParticipants(app.database.db, { trigger: 'schedule' }),
      );
      if (run)
        app.log.info({ retention: run }, `intervision retention removed ${run.removed} participant(s)`);
    } catch (err) {
      app.log.error({ err }, 'intervision retention failed');
    }
  };
  app.addHook('onReady', async () => {
    running = pass();
    timer = setInterval(() => (running = pass()), hours * 3_600_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
};

export default fp(retentionSchedule, { name: 'intervision-retention-schedule' });
