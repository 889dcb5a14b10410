import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { SYSTEM, type Acting } from '../../../db/client.js';
import { runRetentionPolicy } from '../../platform/retention/service.js';
import { supportRetention } from './retention.js';

/**
 * Support's retention: its delay comes from SUPPORT_RETENTION_YEARS (here one year), and its
 * runs are Support's own records (kind `support_retention_run`), out of another pole's sight.
 */
let t: TestApp;
let worker: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp({ SUPPORT_RETENTION_YEARS: '1' });
  worker = as(t.app, (await signedIn(t.app, { role: 'worker', poles: ['support'] })).auth);
  admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
});
afterAll(() => t.close());

const takeAndClose = async (closedOn: string) => {
  const r = (
    await worker
      .post('/api/support/requests', {
        receivedAt: '2025-01-10T10:00:00Z',
        channel: 'phone',
        requester: { kind: 'neighbour', name: 'La voisine du rez', callBack: '0470 11 11 11' },
        person: { initials: 'Q.R.' },
        impasse: 'Monsieur ne sort plus de chez lui.',
      })
      .expect(201)
  ).body;
  await worker.post(`/api/support/requests/${r.id}/close`, { closedOn, reason: 'unblocked' }).expect(200);
  return r.id as string;
};
const read = async (id: string) => (await worker.get(`/api/support/requests/${id}`).expect(200)).body;
const run = (config: { SUPPORT_RETENTION_YEARS: number }) =>
  t.app.database.acting(SYSTEM, () =>
    runRetentionPolicy(t.app.database.db, supportRetention, {
      trigger: 'manual',
      today: '2026-05-01',
      config,
    }),
  );

describe('Support retention, configured', () => {
  it('blanks a request SUPPORT_RETENTION_YEARS after its closing, not the default two', async () => {
    const old = await takeAndClose('2025-04-30');
    const recent = await takeAndClose('2025-05-02');
    // With the default two years, a request closed a year ago keeps its impasse.
    const withDefault = await run({ SUPPORT_RETENTION_YEARS: 2 });
    expect(withDefault.status === 'done' && withDefault.run?.counts.requests).toBe(0);
    expect((await read(old)).impasse).toBe('Monsieur ne sort plus de chez lui.');
    // The app's configuration says one year: the request closed over a year ago is blanked.
    const configured = await run(t.app.config);
    expect(configured.status === 'done' && configured.run?.counts.requests).toBe(1);
    expect(await read(old)).toMatchObject({
      impasse: null,
      requester: { name: null, callBack: null },
      person: { initials: null },
    });
    expect(await read(recent)).toMatchObject({
      impasse: 'Monsieur ne sort plus de chez lui.',
      requester: { name: 'La voisine du rez' },
    });
  });

  it("keeps its runs under Support's own kind: the Support pole sees them, Connect does not", async () => {
    const result = await run(t.app.config);
    const id = result.status === 'done' ? result.run!.id : '';
    expect(result).toMatchObject({
      status: 'done',
      run: { policy: 'support.requests', runKind: 'support_retention_run' },
    });
    const seen = async (who: Acting) =>
      (
        (await t.app.database.acting(who, () =>
          t.app.database.db.execute(sql`select id from retention_runs where id = ${id}`),
        )) as unknown as { rows: unknown[] }
      ).rows.length;
    expect(await seen({ userId: null, role: 'coordinator', poles: ['support'] })).toBe(1);
    expect(await seen({ userId: null, role: 'worker', poles: ['support'] })).toBe(1);
    expect(await seen({ userId: null, role: 'coordinator', poles: ['connect'] })).toBe(0);
    expect(await seen({ userId: null, role: 'worker', poles: ['connect'] })).toBe(0);
    // Audited under the same kind, not intervision's.
    const trail = async (resourceType: string) =>
      (await admin.get('/api/audit', { resourceType }).expect(200)).body.items.map(
        (e: { resourceId: string }) => e.resourceId,
      );
    expect(await trail('support_retention_run')).toContain(id);
    expect(await trail('intervision_retention_run')).not.toContain(id);
  });
});
