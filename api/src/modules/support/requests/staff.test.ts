import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';

/**
 * The Support team as the request's page offers it (the first answer's "by whom", an
 * intervention's pair): the pole's active coordinators and workers, nobody else.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the Support team list', () => {
  it("names the pole's coordinators and workers, not other poles, administrators or disabled accounts", async () => {
    const worker = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Noor Fictief' });
    const coordinator = await signedIn(t.app, {
      role: 'coordinator',
      poles: ['support', 'connect'],
      displayName: 'Aurélie Imaginaire',
    });
    await signedIn(t.app, { role: 'worker', poles: ['connect'], displayName: 'Zeno Ailleurs' });
    const admin = await signedIn(t.app, { role: 'admin', displayName: 'Odile Gestion' });
    const gone = await signedIn(t.app, { role: 'worker', poles: ['support'], displayName: 'Basile Parti' });
    await as(t.app, admin.auth).patch(`/api/users/${gone.user.id}`, { disabled: true }).expect(200);

    const res = await as(t.app, worker.auth).get('/api/support/staff').expect(200);
    const names = (res.body.items as { id: string; displayName: string }[]).map((s) => s.displayName);
    expect(names).toContain('Noor Fictief');
    expect(names).toContain('Aurélie Imaginaire');
    expect(names).not.toContain('Zeno Ailleurs');
    expect(names).not.toContain('Odile Gestion');
    expect(names).not.toContain('Basile Parti');
    // By name, as a picker lists them.
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(res.body.items).toContainEqual({ id: coordinator.user.id, displayName: 'Aurélie Imaginaire' });

    // Staff are people too: the read is logged with its purpose.
    const log = await as(t.app, admin.auth).get('/api/access-log', { kind: 'user' }).expect(200);
    expect(
      (log.body.items as { userId: string; recordIds: string[]; purpose: string }[]).some(
        (e) =>
          e.userId === worker.user.id &&
          e.recordIds.includes(coordinator.user.id) &&
          e.purpose === 'follow_up',
      ),
    ).toBe(true);
  });

  it('is refused outside the pole, to the anonymous, and without a purpose', async () => {
    for (const who of [
      { role: 'worker' as const, poles: ['connect' as const] },
      { role: 'coordinator' as const, poles: ['housing_first' as const] },
      { role: 'accountant' as const },
      { role: 'board' as const },
    ]) {
      const res = await as(t.app, (await signedIn(t.app, who)).auth).get('/api/support/staff');
      expect(res.status, JSON.stringify(who)).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('displayName');
    }
    await as(t.app, '').get('/api/support/staff').expect(401);
    const worker = await signedIn(t.app, { role: 'worker', poles: ['support'] });
    const noPurpose = await as(t.app, worker.auth, { purpose: null }).get('/api/support/staff').expect(400);
    expect(noPurpose.body).toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });
});
