import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindPole, POLES, RECORD_KIND_KEYS, RECORD_KINDS, type Pole } from '@smes/shared';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { as } from '../../test/helpers/http.js';
import { newCycle, newGroup } from '../../test/helpers/intervision.js';
import { SYSTEM, type Acting } from './client.js';
import { AUDIT_TABLE, RLS_EXEMPT } from './record-tables.js';
import { DB_ROLES, kindTables } from './rls.js';
import { runRetentionPolicy } from '../modules/platform/retention/service.js';
import { supportRetention } from '../modules/support/requests/retention.js';

/**
 * The database itself holds who sees which rows: the app's role owns nothing and cannot touch
 * the trail, every table has row-level security or a stated reason not to, and for each
 * pole-owned kind another pole's worker reads, changes and adds no row, whatever the query.
 */
let t: TestApp;
const postgres = process.env.TEST_DB === 'postgres';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const affected = (result: unknown) => {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
};

/** Runs a statement as the app does for `who`, and answers the refusal's message, if any. */
async function asApp(who: Acting, statement: ReturnType<typeof sql>) {
  return t.app.database
    .acting(who, () => t.app.database.db.execute(statement))
    .then(
      (result) => ({ result, refused: null as string | null }),
      (error: Error & { cause?: Error }) => ({
        result: null,
        refused: String(error.cause?.message ?? error.message),
      }),
    );
}

const connectCoordinator: Acting = { userId: null, role: 'coordinator', poles: ['connect'] };
const supportWorker: Acting = { userId: null, role: 'worker', poles: ['support'] };
const coordinatorOf = (pole: Pole): Acting => ({ userId: null, role: 'coordinator', poles: [pole] });
/** The workers and coordinators of every other pole. */
const othersOf = (pole: Pole): Acting[] =>
  POLES.filter((p) => p !== pole).flatMap((p): Acting[] => [
    { userId: null, role: 'worker', poles: [p] },
    coordinatorOf(p),
  ]);

beforeAll(async () => {
  t = await createTestApp();
  // One row at least in every Connect table, written through the API as its coordinator.
  const c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  const org = (await c.post('/api/organisations', { nameFr: 'Maison Exemple RLS' }).expect(201)).body.id;
  const person = (
    await c
      .post('/api/people', {
        firstName: 'Lore',
        lastName: 'Peeters',
        affiliations: [{ organisationId: org }],
      })
      .expect(201)
  ).body.id;
  await c.post('/api/members', { organisationId: org, startsOn: '2030-01-01' }).expect(201);
  await c
    .post('/api/governance/seats', {
      body: 'general_assembly',
      organisationId: org,
      representativeId: person,
      role: 'member',
      startsOn: '2030-01-01',
    })
    .expect(201);
  await c.post('/api/dues', { year: 2030, organisationId: org, amountDue: '100' }).expect(201);
  const cycle = await newCycle(c, { name: '2030-2031', startsOn: '2030-09-01', endsOn: '2031-06-30' });
  const group = await newGroup(c, cycle.id, 'Groupe RLS');
  const registration = (
    await c
      .post('/api/intervision/registrations', {
        groupId: group.id,
        personId: person,
        organisationId: org,
        registeredOn: '2030-09-01',
      })
      .expect(201)
  ).body.id;
  const session = (
    await c.post('/api/intervision/sessions', { groupId: group.id, startsOn: '2030-10-02' }).expect(201)
  ).body.id;
  await c
    // A session still to come: attendance marks it held only when confirmed (decision 15).
    .put(`/api/intervision/sessions/${session}/attendance`, {
      registrationIds: [registration],
      confirmToCome: true,
    })
    .expect(200);
  await c.post('/api/intervision/retention-runs', {}).expect(201);
  await c
    .post('/api/representation-meetings', {
      heldOn: '2030-02-01',
      body: 'Concertation exemple',
      topic: 'Sujet exemple',
      attendeeIds: [person],
    })
    .expect(201);
  // One row in every Support table (issue 15), as the pole's coordinator would take a request.
  const s = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['support'] })).auth);
  const pair = [
    (await signedIn(t.app, { role: 'worker', poles: ['support'] })).user.id,
    (await signedIn(t.app, { role: 'worker', poles: ['support'] })).user.id,
  ];
  const request = (
    await s
      .post('/api/support/requests', {
        receivedAt: '2030-03-04T09:00:00Z',
        channel: 'phone',
        requester: { kind: 'professional', personId: person, organisationId: org },
        person: { initials: 'X.Y.' },
        impasse: 'Impasse exemple',
      })
      .expect(201)
  ).body;
  await s
    .post(`/api/support/requests/${request.id}/interventions`, {
      heldOn: '2030-03-06',
      workerIds: pair,
      place: 'street',
    })
    .expect(201);
  await s.patch(`/api/support/requests/${request.id}`, { referralOrganisationIds: [org] }).expect(200);
  // A run of Support's retention policy, kept under Support's own run kind.
  await t.app.database.acting(SYSTEM, () =>
    runRetentionPolicy(t.app.database.db, supportRetention, { trigger: 'manual', config: t.app.config }),
  );
  // A supervision and its session (decision 28).
  const supervision = (
    await s
      .post('/api/support/supervisions', {
        organisationId: org,
        team: 'Équipe exemple',
        startsOn: '2030-01-07',
      })
      .expect(201)
  ).body;
  await s
    .post(`/api/support/supervisions/${supervision.id}/sessions`, { startsOn: '2030-02-04', workerIds: pair })
    .expect(201);
  // And in every table of Support's trainings (decision 29).
  const trainingModule = (
    await s
      .post('/api/support/trainings/modules', { titleFr: 'Module RLS', titleNl: 'Module RLS' })
      .expect(201)
  ).body;
  const edition = (
    await s
      .post('/api/support/trainings/editions', {
        moduleId: trainingModule.id,
        organiser: 'smes',
        format: 'video',
        days: ['2030-05-06'],
      })
      .expect(201)
  ).body;
  const participant = (
    await s
      .post(`/api/support/trainings/editions/${edition.id}/participants`, {
        personId: person,
        organisationId: org,
      })
      .expect(201)
  ).body;
  await s
    .put(`/api/support/trainings/editions/${edition.id}/sessions/${edition.sessions[0].id}/attendance`, {
      participantIds: [participant.id],
    })
    .expect(200);
});
afterAll(() => t.close());

describe("the app's role", () => {
  it('is smes_app, owns nothing, and cannot change tables, triggers or the audit trail', async () => {
    const who = { ...SYSTEM };
    const [me] = rowsOf<{ current: string; owned: number }>(
      (
        await asApp(
          who,
          sql`select current_user as current,
                (select count(*)::int from pg_class where relowner = (select oid from pg_roles where rolname = current_user)) as owned`,
        )
      ).result,
    );
    expect(me).toEqual({ current: DB_ROLES.app, owned: 0 });
    if (postgres) {
      // On a server the app logs in as smes_app: no role to reset to.
      const [session] = rowsOf<{ user: string }>(
        await t.app.database.db.execute(sql`select session_user as user`),
      );
      expect(session!.user).toBe(DB_ROLES.app);
    }
    for (const statement of [
      sql`alter table organisations add column sneaky text`,
      sql`drop trigger audit_log_append_only on audit_log`,
      sql`alter table audit_log disable trigger audit_log_append_only`,
      sql`alter table intervision_registrations disable row level security`,
      sql`update audit_log set action = 'read'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
      sql`create table sneaky (id int)`,
      sql`create policy sneaky on intervision_registrations using (true)`,
      sql`create or replace function audit_log_refuse_change() returns trigger language plpgsql as 'begin return new; end'`,
    ]) {
      const { refused } = await asApp(who, statement);
      expect(refused ?? 'accepted', JSON.stringify(statement.queryChunks)).toMatch(
        /must be owner|permission denied/,
      );
    }
    // The trail still takes new entries, and the administrator still reads it.
    const { refused } = await asApp(
      supportWorker,
      sql`insert into audit_log (action, resource_type, resource_id) values ('read', 'person', 'rls-check')`,
    );
    expect(refused).toBeNull();
    const read = await asApp(
      { userId: null, role: 'admin', poles: [] },
      sql`select count(*)::int as n from audit_log where resource_id = 'rls-check'`,
    );
    expect(rowsOf<{ n: number }>(read.result)[0]!.n).toBe(1);
    const hidden = await asApp(supportWorker, sql`select count(*)::int as n from audit_log`);
    expect(rowsOf<{ n: number }>(hidden.result)[0]!.n).toBe(0);
  });
});

describe('the access log', () => {
  const reader: Acting = {
    userId: '00000000-0000-4000-8000-0000000000a1',
    role: 'worker',
    poles: ['connect'],
  };
  const insertOwn = sql`insert into access_log (user_id, role, kind, record_ids, purpose)
    values ('00000000-0000-4000-8000-0000000000a1', 'worker', 'person', array['rls-access'], 'follow_up')`;

  it("takes the reader's own rows, which the app's role cannot update, delete or truncate", async () => {
    expect((await asApp(reader, insertOwn)).refused).toBeNull();
    // Nobody writes a read in someone else's name.
    const forged = await asApp({ ...reader, userId: '00000000-0000-4000-8000-0000000000a2' }, insertOwn);
    expect(forged.refused).toMatch(/row-level security/);
    for (const statement of [
      sql`update access_log set purpose = 'administration'`,
      sql`delete from access_log`,
      sql`truncate access_log`,
      sql`alter table access_log disable trigger access_log_no_update`,
      sql`drop function smes_access_log_expire(integer)`,
    ]) {
      for (const who of [SYSTEM, { userId: null, role: 'admin' as const, poles: [] }]) {
        const { refused } = await asApp(who, statement);
        expect(refused ?? 'accepted', JSON.stringify(statement.queryChunks)).toMatch(
          /must be owner|permission denied/,
        );
      }
    }
    // Only administrators read it; the row is still there.
    const read = await asApp(
      { userId: null, role: 'admin', poles: [] },
      sql`select count(*)::int as n from access_log where 'rls-access' = any(record_ids)`,
    );
    expect(rowsOf<{ n: number }>(read.result)[0]!.n).toBe(1);
    const hidden = await asApp(reader, sql`select count(*)::int as n from access_log`);
    expect(rowsOf<{ n: number }>(hidden.result)[0]!.n).toBe(0);
  });

  it('loses only rows older than its retention, through the owner’s function', async () => {
    await t.superuser.execute(
      sql`insert into access_log (at, user_id, role, kind, record_ids, purpose)
          values (now() - interval '6 years', '00000000-0000-4000-8000-0000000000a1', 'worker', 'person',
                  array['rls-old'], 'follow_up')`,
    );
    const expired = await asApp(SYSTEM, sql`select smes_access_log_expire(5) as n`);
    expect(rowsOf<{ n: number }>(expired.result)[0]!.n).toBe(1);
    const tooShort = await asApp(SYSTEM, sql`select smes_access_log_expire(0) as n`);
    expect(tooShort.refused).toMatch(/at least a year/);
    const left = rowsOf<{ n: number }>(
      await t.superuser.execute(
        sql`select count(*)::int as n from access_log where 'rls-access' = any(record_ids)`,
      ),
    );
    expect(left[0]!.n).toBe(1);
  });
});

describe('row-level security', () => {
  it('is on for every table but the exempt ones, each exemption with its reason', async () => {
    const tables = rowsOf<{ name: string; rls: boolean }>(
      await t.superuser.execute(
        sql`select c.relname as name, c.relrowsecurity as rls from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
      ),
    );
    expect(tables.length).toBeGreaterThan(20);
    const without = tables.filter((table) => !table.rls).map((table) => table.name);
    expect(without.sort()).toEqual(Object.keys(RLS_EXEMPT).sort());
    for (const reason of Object.values(RLS_EXEMPT)) expect(reason.length).toBeGreaterThan(20);
    expect(tables.find((table) => table.name === AUDIT_TABLE)?.rls).toBe(true);
  });

  const poleTables = kindTables().filter(({ kind }) => kindPole(kind) !== null);

  it('covers every pole-owned kind that has tables', () => {
    for (const pole of ['connect', 'support'] as const) {
      const owned = RECORD_KIND_KEYS.filter((kind) => kindPole(kind) === pole);
      expect(owned.every((kind) => poleTables.some((table) => table.kind === kind))).toBe(true);
    }
    expect(poleTables.map((table) => table.table)).toContain('intervision_registrations');
    expect(poleTables.map((table) => table.table)).toEqual(
      expect.arrayContaining([
        'support_requests',
        'support_persons',
        'support_interventions',
        'support_referrals',
        'support_supervisions',
        'support_supervision_sessions',
        'support_training_modules',
        'support_training_editions',
        'support_training_sessions',
        'support_training_participants',
        'support_training_attendance',
      ]),
    );
  });

  it.each(poleTables.map(({ kind, table, rows }) => [table, kind, rows ?? null]))(
    "%s (%s): another pole's worker and coordinator read, change and add no row with an unfiltered query",
    async (table, kind, rows) => {
      const pole = kindPole(kind as (typeof RECORD_KIND_KEYS)[number])!;
      const owner = coordinatorOf(pole);
      const name = sql.identifier(table);
      // A table several kinds share (retention runs): the kind's own rows, which another pole
      // must not see even though it sees its own kind's rows there.
      const own = rows ? sql.raw(` where ${rows}`) : sql``;
      const count = async (who: Acting) =>
        rowsOf<{ n: number }>(
          (await asApp(who, sql`select count(*)::int as n from ${name}${own}`)).result,
        )[0]!.n;
      expect(await count(owner)).toBeGreaterThan(0);
      for (const other of othersOf(pole)) {
        expect(await count(other)).toBe(0);
        // Every column set to itself: an update of every row, if any were visible.
        const [column] = rowsOf<{ name: string }>(
          await t.superuser.execute(
            sql`select attname as name from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped order by attnum limit 1`,
          ),
        );
        const col = sql.identifier(column!.name);
        const update = await asApp(other, sql`update ${name} set ${col} = ${col}${own}`);
        expect(update.refused).toBeNull();
        expect(affected(update.result)).toBe(0);
        const del = await asApp(other, sql`delete from ${name}${own}`);
        expect(affected(del.result)).toBe(0);
        // A copy of an existing row (as it stands, read by the administrator): refused by the
        // policy before any unique key could object.
        const [row] = rowsOf<{ row: unknown }>(
          await t.superuser.execute(sql`select to_jsonb(x) as row from ${name} x${own} limit 1`),
        );
        const insert = await asApp(
          other,
          sql`insert into ${name} select * from jsonb_populate_record(null::${name}, ${JSON.stringify(row!.row)}::jsonb)`,
        );
        expect(insert.refused).toMatch(/row-level security/);
      }
      expect(await count(owner)).toBeGreaterThan(0);
    },
  );

  it("lets the kind's own pole write: the same copy is refused by the key, not the policy", async () => {
    const [row] = rowsOf<{ row: unknown }>(
      await t.superuser.execute(sql`select to_jsonb(x) as row from intervision_cycles x limit 1`),
    );
    const insert = await asApp(
      connectCoordinator,
      sql`insert into intervision_cycles select * from jsonb_populate_record(null::intervision_cycles, ${JSON.stringify(row!.row)}::jsonb)`,
    );
    expect(insert.refused).toMatch(/duplicate key/);
  });

  it('names the kinds every table holds, with their scope', () => {
    for (const { kind, condition } of kindTables()) {
      expect(RECORD_KINDS[kind].scope).not.toBe('assigned');
      expect(condition).toContain("'system'");
    }
  });
});

describe('the counting role', () => {
  it("counts every pole's rows and reads nothing else", async () => {
    const [n] = await t.app.database.counting(async (db) =>
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from intervision_registrations`)),
    );
    expect(n!.n).toBeGreaterThan(0);
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.app.database
        .counting((db) => db.execute(statement))
        .then(
          () => null,
          (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
        );
    expect(await refusal(sql`select count(*) from sessions`)).toMatch(/permission denied/);
    expect(await refusal(sql`select count(*) from audit_log`)).toMatch(/permission denied/);
    expect(await refusal(sql`update intervision_cycles set name = name`)).toMatch(/permission denied/);
  });

  it('counts inside a request without waiting for it (one connection on the embedded engine)', async () => {
    const counted = await t.app.database.acting(supportWorker, async () => {
      const seen = rowsOf<{ n: number }>(
        await t.app.database.db.execute(sql`select count(*)::int as n from intervision_registrations`),
      )[0]!.n;
      const all = await t.app.database.counting(
        async (db) =>
          rowsOf<{ n: number }>(
            await db.execute(sql`select count(*)::int as n from intervision_registrations`),
          )[0]!.n,
      );
      const after = rowsOf<{ user: string }>(
        await t.app.database.db.execute(sql`select current_user as user`),
      )[0]!.user;
      return { seen, all, after };
    });
    expect(counted.seen).toBe(0);
    expect(counted.all).toBeGreaterThan(0);
    expect(counted.after).toBe(DB_ROLES.app);
  });
});
