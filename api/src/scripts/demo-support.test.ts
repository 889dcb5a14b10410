import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';
import { loadSupportDemo } from './demo-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the Support demo', () => {
  it('gives the due board fictional requests in every state, once however often it runs', async () => {
    const coordinator = await signedIn(t.app, {
      role: 'coordinator',
      poles: ['support', 'housing_first'],
      email: 'coordination.terrain@demo.test',
    });
    await signedIn(t.app, { role: 'worker', poles: ['support'], email: 'support@demo.test' });
    const emails = { coordinator: 'coordination.terrain@demo.test', worker: 'support@demo.test' };
    // As `npm run demo` does: through the administrator's connection, outside any request.
    expect(await loadSupportDemo(t.superuser, emails)).toBe(6);
    expect(await loadSupportDemo(t.superuser, emails)).toBe(0);

    const support = as(t.app, coordinator.auth);
    const listed = (await support.get('/api/support/requests', { pageSize: 50 }).expect(200)).body;
    expect(listed.total).toBe(6);
    const statuses = new Set(listed.items.map((r: { status: string }) => r.status));
    expect(statuses).toEqual(new Set(['new', 'discussed', 'intervention', 'closed']));
    expect(listed.items.map((r: { requesterKind: string }) => r.requesterKind)).toContain('neighbour');
    const board = (await support.get('/api/support/board').expect(200)).body;
    expect(board.today.length + board.thisWeek.length).toBe(2);
    expect(board.overdue).toHaveLength(1);
    expect(board.answered).toHaveLength(1);
  });
});
