import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { SYSTEM, type Database } from '../../../db/client.js';
import { RETENTION_POLICIES } from '../../retention-policies.js';
import type { RetentionConfig } from './policy.js';
import { runRetentionPolicy } from './service.js';

/** Every registered policy, one after the other; a failure is recorded and the next still runs. */
export async function runAllPolicies(
  database: Pick<Database, 'db' | 'acting'>,
  config: RetentionConfig,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
) {
  for (const policy of RETENTION_POLICIES) {
    try {
      // No one is signed in: the app acts as itself (the row policies let `system` through).
      const result = await database.acting(SYSTEM, () =>
        runRetentionPolicy(database.db, policy, { trigger: 'schedule', config }),
      );
      if (result.status === 'already_running')
        log.info({ policy: policy.id }, 'retention already running in another instance');
      else if (result.run)
        log.info({ policy: policy.id, counts: result.run.counts }, `retention ${policy.id} ran`);
    } catch (err) {
      log.error({ err, policy: policy.id }, `retention ${policy.id} failed`);
    }
  }
}

/**
 * Runs every retention policy when the server starts and then every RETENTION_INTERVAL_HOURS
 * (0 turns it off). A failed pass is recorded and logged and tried again at the next tick; it
 * never stops the server. Each policy holds an advisory lock while it runs, so several
 * instances of the app may all schedule it.
 */
const retentionSchedule: FastifyPluginAsync = async (app) => {
  const hours = app.config.RETENTION_INTERVAL_HOURS;
  if (hours === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = () => runAllPolicies(app.database, app.config, app.log);
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

export default fp(retentionSchedule, { name: 'retention-schedule' });
