import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { RETENTION_POLICIES } from '../../retention-policies.js';
import { defineRetentionPolicy } from './policy.js';
import { SYSTEM } from '../../../db/client.js';
import { runRetentionPolicy } from './service.js';

let t: TestApp;
let admin: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
});
afterAll(() => t.close());

const failing = defineRetentionPolicy({
  id: 'test.failing',
  recordKind: 'person',
  runKind: 'platform_retention_run',
  removes: 'nothing',
  after: 'never',
  apply: async () => {
    throw new Error('disk full (fictional)');
  },
});

describe('retention policies', () => {
  it('lists every policy in one registry, intervision first', () => {
    expect(RETENTION_POLICIES.map((p) => p.id)).toEqual([
      'intervision.participants',
      'platform.access_log',
      'support.requests',
    ]);
    expect(new Set(RETENTION_POLICIES.map((p) => p.id)).size).toBe(RETENTION_POLICIES.length);
  });

  it('records each manual pass and a failed pass with its error, listed for administrators', async () => {
    const coordinator = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
    const manual = (await coordinator.post('/api/intervision/retention-runs', {}).expect(201)).body;

    await expect(
      t.app.database.acting(SYSTEM, () =>
        runRetentionPolicy(t.app.database.db, failing, { trigger: 'schedule', config: t.app.config }),
      ),
    ).rejects.toThrow('disk full');
    const runs = (await admin.get('/api/retention-runs').expect(200)).body.items;
    expect(runs).toEqual([
      expect.objectContaining({
        policy: 'test.failing',
        trigger: 'schedule',
        error: 'disk full (fictional)',
        counts: {},
      }),
      expect.objectContaining({
        id: manual.id,
        policy: 'intervision.participants',
        trigger: 'manual',
        counts: { registrations: 0 },
        error: null,
      }),
    ]);
    // The Intervision page lists its own policy's completed runs only.
    const own = (await coordinator.get('/api/intervision/retention-runs').expect(200)).body.items;
    expect(own.map((r: { id: string }) => r.id)).toEqual([manual.id]);
    // The failure is in the audit log too, under the run kind of its policy.
    const trail = (await admin.get('/api/audit', { resourceType: 'platform_retention_run' }).expect(200)).body
      .items;
    expect(trail.map((e: { resourceId: string }) => e.resourceId)).toContain(runs[0].id);
    const connect = (await admin.get('/api/audit', { resourceType: 'intervision_retention_run' }).expect(200))
      .body.items;
    expect(connect.map((e: { resourceId: string }) => e.resourceId)).toEqual([manual.id]);
  });

  it('is not for a coordinator, a worker or the accountant to list, nor for anyone signed out', async () => {
    const actors: Parameters<typeof signedIn>[1][] = [
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['connect'] },
      { role: 'accountant' },
    ];
    for (const who of actors) {
      const c = as(t.app, (await signedIn(t.app, who)).auth);
      expect((await c.get('/api/retention-runs')).status, who!.role).toBe(403);
    }
    const anonymous = await supertest(t.app.server).get('/api/retention-runs');
    expect(anonymous.status).toBe(401);
  });
});
