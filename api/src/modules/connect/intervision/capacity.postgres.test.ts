import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../../test/helpers/intervision.js';

/**
 * A capacity lowered while registrations arrive: the registrations wait for the group's lock, and
 * must then count against the capacity as it is, not as read before. Concurrent connections
 * exist only on a server: PostgreSQL project only (`*.postgres.test.ts`).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('registrations waiting while the capacity goes from 12 to 2 fill 2 places and wait-list the rest', async () => {
  const c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  const cycle = await newCycle(c, { name: 'Cycle capacité', startsOn: '2031-09-01', endsOn: '2032-06-30' });
  const group = await newGroup(c, cycle.id, 'Groupe capacité', { capacity: 12 });
  const people = await Promise.all(
    Array.from({ length: 5 }, async (_, i) => ({
      organisationId: (await c.post('/api/organisations', { nameFr: `Asbl Place ${i}` }).expect(201)).body.id,
      personId: (await c.post('/api/people', { firstName: 'Prénom', lastName: `Place ${i}` }).expect(201))
        .body.id,
    })),
  );

  // Five at once: the test database's pool holds five connections.
  // The coordinator's correction is under way: the group's row is held until it commits.
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const { rows } = await (t.app.database.db as unknown as { $client: pg.Pool }).$client.query<{
    name: string;
  }>('select current_database() as name');
  url.pathname = `/${rows[0]!.name}`;
  const editor = new pg.Client({ connectionString: url.toString() });
  await editor.connect();
  await editor.query('begin');
  await editor.query('update intervision_groups set capacity = 2 where id = $1', [group.id]);

  const registrations = people.map((p) =>
    c.post('/api/intervision/registrations', { groupId: group.id, ...p }).then((r) => r),
  );
  for (;;) {
    const waiting = await editor.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (waiting.rows[0].n === people.length) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await editor.query('commit');
  await editor.end();

  const statuses = (await Promise.all(registrations)).map((r) => {
    expect(r.status, r.text).toBe(201);
    return r.body.status as string;
  });
  expect(statuses.filter((s) => s === 'registered')).toHaveLength(2);
  expect(statuses.filter((s) => s === 'waiting')).toHaveLength(3);
});
