import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { MIGRATIONS_DIR } from '../../../db/client.js';
import { makeUser, signedIn } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, { role: 'admin' });
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records who read a person’s record, from where', async () => {
    const user = await makeUser(t.app);
    await as(t.app, admin.auth).get(`/api/users/${user.id}`).set('user-agent', 'test').expect(200);
    const res = await as(t.app, admin.auth).get('/api/audit', {
      resourceType: 'user',
      resourceId: user.id,
      action: 'read',
    });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: 'read',
        actorId: admin.user.id,
        resourceId: user.id,
        ip: expect.any(String),
      }),
    ]);
  });

  it('filters by period, newest first', async () => {
    const before = new Date().toISOString();
    await makeUser(t.app);
    const u = await makeUser(t.app);
    await as(t.app, admin.auth).get(`/api/users/${u.id}`);
    await as(t.app, admin.auth).patch(`/api/users/${u.id}`, { displayName: 'Renamed' });
    const res = await as(t.app, admin.auth).get('/api/audit', { from: before, actorId: admin.user.id });
    expect(res.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['update', 'read']);
    const future = await as(t.app, admin.auth).get('/api/audit', {
      from: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(future.body).toMatchObject({ items: [], total: 0 });
  });

  it('cannot be rewritten or erased, even by a direct query', async () => {
    const refusal = (query: () => Promise<unknown>) =>
      query().then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
      );
    // The app's role is refused by its grants; even the administrator by the trigger.
    const asApp = (statement: ReturnType<typeof sql>) => () =>
      t.app.database.acting({ userId: null, role: 'admin', poles: [] }, () =>
        t.app.database.db.execute(statement),
      );
    expect(await refusal(asApp(sql`update audit_log set action = 'read'`))).toMatch(/permission denied/);
    expect(await refusal(asApp(sql`delete from audit_log`))).toMatch(/permission denied/);
    const db = t.superuser;
    expect(await refusal(() => db.execute(sql`update audit_log set action = 'read'`))).toMatch(/append-only/);
    expect(await refusal(() => db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const res = await as(t.app, admin.auth).get('/api/audit');
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('names entries written before the registry of record kinds as the registry does', async () => {
    // Migrations run as the owner; the test replays one behind the app's back.
    const db = t.superuser;
    const legacy = ['dues', 'session', 'intervision_retention', 'reference:sector'];
    for (const [i, type] of legacy.entries()) {
      await db.execute(
        sql`insert into audit_log (action, resource_type, resource_id) values ('update', ${type}, ${`legacy-${i}`})`,
      );
    }
    const migration = await readFile(path.join(MIGRATIONS_DIR, '0011_record_kind_names.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    const res = await as(t.app, admin.auth).get('/api/audit', { action: 'update', pageSize: 100 });
    const named = Object.fromEntries(
      res.body.items
        .filter((e: { resourceId: string }) => e.resourceId?.startsWith('legacy-'))
        .map((e: { resourceId: string; resourceType: string }) => [e.resourceId, e.resourceType]),
    );
    expect(named).toEqual({
      'legacy-0': 'due',
      'legacy-1': 'sign_in_session',
      'legacy-2': 'intervision_retention_run',
      'legacy-3': 'sector',
    });
    // The trail is append-only again afterwards.
    await expect(db.execute(sql`update audit_log set action = 'read'`)).rejects.toThrow();
  });

  it('scrubs the values entries written before kept, leaving which fields changed', async () => {
    const db = t.superuser;
    const legacy: [string, string, Record<string, unknown>][] = [
      ['intervision_registration', 'scrub-0', { paidOn: '2031-10-01', paymentReference: 'VIR-EXEMPLE-42' }],
      ['membership', 'scrub-1', { notes: 'Note fictive sur le membre' }],
      ['intervision_session', 'scrub-2', { status: 'cancelled', cancelReason: 'Raison fictive' }],
      ['user', 'scrub-3', { self: { displayName: 'Nom Fictif' } }],
      [
        'user',
        'scrub-4',
        {
          before: { displayName: 'Ancien Nom', role: 'worker' },
          after: { displayName: 'Nouveau Nom', role: 'admin' },
        },
      ],
    ];
    for (const [type, id, details] of legacy) {
      await db.execute(
        sql`insert into audit_log (action, resource_type, resource_id, details) values ('update', ${type}, ${id}, ${JSON.stringify(details)}::jsonb)`,
      );
    }
    const migration = await readFile(path.join(MIGRATIONS_DIR, '0015_audit_fields_not_values.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    const res = await as(t.app, admin.auth).get('/api/audit', { action: 'update', pageSize: 100 });
    const scrubbed = Object.fromEntries(
      res.body.items
        .filter((e: { resourceId: string }) => e.resourceId?.startsWith('scrub-'))
        .map((e: { resourceId: string; details: unknown }) => [e.resourceId, e.details]),
    );
    expect(scrubbed).toEqual({
      'scrub-0': { fields: ['paidOn', 'paymentReference'] },
      'scrub-1': { fields: ['notes'] },
      'scrub-2': { fields: ['cancelReason', 'status'] },
      'scrub-3': { self: true, fields: ['displayName'] },
      'scrub-4': { before: { role: 'worker' }, after: { role: 'admin' } },
    });
    await expect(db.execute(sql`update audit_log set action = 'read'`)).rejects.toThrow();
  });

  it('refuses a filter it does not know', async () => {
    const res = await as(t.app, admin.auth).get('/api/audit', { action: 'drop_table' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'action' })]);
    const kind = await as(t.app, admin.auth).get('/api/audit', { resourceType: 'registration' });
    expect(kind.status).toBe(400);
    expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'resourceType' })]);
  });
});
