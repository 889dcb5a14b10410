import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';

/**
 * The PostgreSQL server drops the app's connections (a restart, a failover, an administrator's
 * pg_terminate_backend) while requests are writing. Only a server has connections to drop, so
 * this file runs in the PostgreSQL project alone (vitest.config.ts: `*.postgres.test.ts`).
 */
let t: TestApp;
let admin: pg.Client;
let dbName: string;
let c: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const result = await t.app.database.db.execute(sql`select current_database() as name`);
  dbName = (result as unknown as { rows: { name: string }[] }).rows[0]!.name;
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
});
afterAll(async () => {
  await admin.end();
  await t.close();
});

/** Ends every connection the app holds to its database; the test's own is elsewhere. */
const terminateAppConnections = () =>
  admin.query(
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
    [dbName],
  );

describe('connections dropped by the server', () => {
  it('one dropped inside a transaction between two statements does not crash the process', async () => {
    const failure = await t.app.database.db
      .transaction(async (tx) => {
        const result = await tx.execute(sql`select pg_backend_pid() as pid`);
        const { rows } = result as unknown as { rows: { pid: number }[] };
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        // Give the client time to read the server's goodbye while no statement is running:
        // the moment its unhandled 'error' event used to end the process.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.execute(sql`select 1`);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    // The pool discarded the dead connection and opens a new one.
    expect(await t.app.database.ping()).toBe(true);
    expect((await c.get('/api/organisations')).status).toBe(200);
  });

  it('a write waiting in its transaction answers 503 with Retry-After, and the app goes on serving', async () => {
    const org = (await c.post('/api/organisations', { nameFr: 'Asbl Coupure' }).expect(201)).body as {
      id: string;
    };
    // Hold the row so the update's transaction waits inside the database.
    const holder = new pg.Client({ connectionString: adminUrlFor(dbName) });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select 1 from organisations where id = $1 for update', [org.id]);
    const write = c.patch(`/api/organisations/${org.id}`, { phone: '02 000 00 00' }).then((r) => r);
    // Reads and writes under way at the same time.
    const load = Array.from({ length: 8 }, (_, i) =>
      i % 2
        ? c.get('/api/organisations').then((r) => r)
        : c.post('/api/organisations', { nameFr: `Asbl Charge ${i}` }).then((r) => r),
    );
    await waitUntilWaitingOnLock();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid not in (pg_backend_pid(), $2)`,
      [dbName, (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid],
    );
    const cut = await write;
    expect(cut.status).toBe(503);
    expect(cut.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(cut.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(cut.headers['retry-after'])).toBeGreaterThan(0);
    for (const res of await Promise.all(load)) {
      expect([200, 201, 503], res.text).toContain(res.status);
      if (res.status === 503) expect(res.headers['retry-after']).toBeDefined();
    }
    await holder.query('rollback');
    await holder.end();

    // Served again without a restart: the same update lands, once the pool has replaced the
    // connections it lost (a client following Retry-After; on a loaded machine it takes a moment).
    const again = await untilNot503(() => c.patch(`/api/organisations/${org.id}`, { phone: '02 000 00 00' }));
    expect(again.status, again.text).toBe(200);
    expect(again.body.phone).toBe('02 000 00 00');
    await terminateAppConnections();
    // Idle connections the pool has not yet heard die may answer one 503 with Retry-After.
    expect((await untilNot503(() => c.get(`/api/organisations/${org.id}`))).status).toBe(200);
    expect((await c.get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
  });
});

/** Repeats a request while it answers 503, for at most 20 s, waiting what Retry-After asks. */
async function untilNot503<T extends { status: number; headers: Record<string, string> }>(
  send: () => Promise<T>,
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await send();
    if (res.status !== 503 || Date.now() > deadline) return res;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(1000, Number(res.headers['retry-after']) * 1000)),
    );
  }
}

function adminUrlFor(name: string) {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Until the app's update is blocked on the held row (the transaction is open, mid-statement). */
async function waitUntilWaitingOnLock() {
  for (;;) {
    const { rows } = await admin.query(
      `select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
      [dbName],
    );
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
