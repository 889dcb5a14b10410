import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { defineRetentionPolicy } from './policy.js';
import { SYSTEM } from '../../../db/client.js';
import { runRetentionPolicy } from './service.js';

/**
 * Two passes on two connections (as two instances of the app would) run the same policy
 * at the same moment: one does the work, the other answers that it is already running.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('runs a policy once when two instances start it together', async () => {
  let applied = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const slow = defineRetentionPolicy({
    id: 'test.slow',
    recordKind: 'person',
    runKind: 'platform_retention_run',
    removes: 'nothing',
    after: 'never',
    apply: async () => {
      applied += 1;
      entered();
      await gate;
      return { counts: { things: 1 }, details: {} };
    },
  });
  const db = t.app.database.db;
  /** One instance's pass: its own transaction, acting as the app (as the schedule does). */
  const pass = (trigger: 'schedule' | 'manual') =>
    t.app.database.acting(SYSTEM, () => runRetentionPolicy(db, slow, { trigger, config: t.app.config }));
  const first = pass('schedule');
  await inside;
  const other = await pass('schedule');
  expect(other).toEqual({ status: 'already_running' });
  release();
  const done = await first;
  expect(done).toMatchObject({ status: 'done', run: { policy: 'test.slow', counts: { things: 1 } } });
  expect(applied).toBe(1);
  // Once the first has finished, the lock is free again.
  const later = await pass('manual');
  expect(later.status).toBe('done');
});
