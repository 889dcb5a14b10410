import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { insertAccessLogEntry, whoHasSeen } from './repository.js';

let t: TestApp;
let admin: ReturnType<typeof as>;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t.app, { role: 'admin' });
  admin = as(t.app, a.auth);
  adminId = a.user.id;
});
afterAll(() => t.close());

describe('the access log', () => {
  it('answers who has seen a record, as its own read or on a page of a list, newest first', async () => {
    const worker = await signedIn(t.app, { role: 'worker', poles: ['connect'], displayName: 'Jade Lecteur' });
    const who = { userId: worker.user.id, role: 'worker' as const, poles: ['connect' as const] };
    await t.app.database.acting(who, async () => {
      const db = t.app.database.db;
      await insertAccessLogEntry(db, {
        userId: worker.user.id,
        role: 'worker',
        kind: 'person',
        recordIds: ['p-1', 'p-2'],
        purpose: 'team_meeting',
      });
      await insertAccessLogEntry(db, {
        userId: worker.user.id,
        role: 'worker',
        kind: 'person',
        recordIds: ['p-2'],
        purpose: 'follow_up',
      });
    });
    const seen = (await admin.get('/api/access-log', { kind: 'person', recordId: 'p-2' }).expect(200)).body;
    expect(seen.total).toBe(2);
    expect(seen.items.map((e: { purpose: string }) => e.purpose)).toEqual(['follow_up', 'team_meeting']);
    expect(seen.items[0]).toMatchObject({
      userId: worker.user.id,
      // The reader named as their account shows them, for the administrators' screens.
      userName: 'Jade Lecteur',
      role: 'worker',
      flagged: false,
      reason: null,
    });
    const one = (await admin.get('/api/access-log', { kind: 'person', recordId: 'p-1' }).expect(200)).body;
    expect(one.items.map((e: { recordIds: string[] }) => e.recordIds)).toEqual([['p-1', 'p-2']]);

    // The repository function the data-subject export reads, as an administrator acting.
    const rows = await t.app.database.acting({ userId: adminId, role: 'admin', poles: [] }, () =>
      whoHasSeen(t.app.database.db, 'person', 'p-2'),
    );
    expect(rows.map((r) => r.purpose)).toEqual(['follow_up', 'team_meeting']);
    // Acting as the worker, the log shows nothing (administrators only).
    expect(await t.app.database.acting(who, () => whoHasSeen(t.app.database.db, 'person', 'p-2'))).toEqual(
      [],
    );
  });

  it('is read by administrators only', async () => {
    for (const who of [
      { role: 'coordinator' as const, poles: ['connect' as const] },
      { role: 'worker' as const, poles: ['connect' as const] },
      { role: 'accountant' as const },
      { role: 'board' as const },
    ]) {
      const c = as(t.app, (await signedIn(t.app, who)).auth);
      const res = await c.get('/api/access-log', { flagged: true });
      expect(res.status, who.role).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await supertest(t.app.server).get('/api/access-log')).status).toBe(401);
  });
});
