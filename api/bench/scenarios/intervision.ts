import type {
  CycleSchedule,
  FigureBreakdown,
  FigureRecordPage,
  FigureValues,
  GroupDetail,
  Purpose,
  RegistrationList,
} from '@smes/shared';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { captureQueries, explain, isSetting, readableSql } from '../lib/explain.js';
import { timeIt } from '../lib/measure.js';
import { seedDirectory } from '../seed/directory.js';
import { seedIntervision, type IntervisionSeed } from '../seed/intervision.js';
import type { BenchContext, Row, Scenario } from './types.js';

interface IntervisionCase {
  endpoint: string;
  /** What the coordinator opens. */
  label: string;
  url: (seed: IntervisionSeed) => string;
  query?: (seed: IntervisionSeed) => Record<string, string>;
  /** What the coordinator reads the records for (decision 21): the Reports page checks a report. */
  purpose?: Purpose;
  /** What the answer holds, in a few words: the size of the work. */
  holds: (body: unknown) => string;
}

/** The calendar year a funder asks figures for: it spans the end of one cycle and the start of the next. */
const YEAR = 2025;

const valueOf = (f: FigureValues, id: string) => f.values.find((v) => v.id === id)?.value ?? 0;
const figuresHold = (body: unknown) => {
  const f = body as FigureValues;
  const sessions = ['held', 'held-video', 'cancelled', 'planned']
    .map((s) => valueOf(f, `connect.intervision.sessions-${s}`))
    .reduce((a, b) => a + b, 0);
  return `${f.values.length} figures: ${valueOf(f, 'connect.intervision.participants')} participants, ${sessions} sessions`;
};
const recordsHold = (body: unknown) => {
  const r = body as FigureRecordPage;
  return `${r.items.length} of ${r.total} records`;
};
const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
/** The last complete cycle, 2025-2026: the seed's cycles run from 1 September to 31 August. */
const lastCycle = (s: IntervisionSeed) => ({ from: '2025-09-01', to: '2026-08-31', cycleId: s.lastCycleId });

const CASES: IntervisionCase[] = [
  {
    endpoint: 'figures',
    label: 'catalogue: a bare request',
    url: () => '/api/figures',
    holds: (body) => `${(body as unknown[]).length} figures, no value`,
  },
  {
    endpoint: 'figures/values',
    label: `every figure, calendar year ${YEAR}`,
    url: () => '/api/figures/values',
    query: () => year,
    holds: figuresHold,
  },
  {
    endpoint: 'figures/values',
    label: 'every figure, last complete cycle',
    url: () => '/api/figures/values',
    query: lastCycle,
    holds: figuresHold,
  },
  {
    endpoint: 'figures/{id}/records',
    label: `participants ${YEAR}, first page`,
    url: () => '/api/figures/connect.intervision.participants/records',
    query: () => year,
    purpose: 'report_check',
    holds: recordsHold,
  },
  {
    endpoint: 'figures/{id}/records',
    label: `sessions held ${YEAR}, first page`,
    url: () => '/api/figures/connect.intervision.sessions-held/records',
    query: () => year,
    purpose: 'report_check',
    holds: recordsHold,
  },
  {
    endpoint: 'figures/{id}/records',
    label: `institutions ${YEAR}, first page`,
    url: () => '/api/figures/connect.intervision.institutions/records',
    query: () => year,
    purpose: 'report_check',
    holds: recordsHold,
  },
  {
    endpoint: 'figures/{id}/breakdown',
    label: `participants ${YEAR} by sector`,
    url: () => '/api/figures/connect.intervision.participants/breakdown/sector',
    query: () => year,
    holds: (body) => `${(body as FigureBreakdown).rows.length} sectors`,
  },
  {
    endpoint: 'groups/{id}',
    label: 'largest group, current cycle',
    url: (s) => `/api/intervision/groups/${s.largestCurrentGroupId}`,
    holds: (body) => {
      const g = body as GroupDetail;
      return `${g.registrations.length} registrations, ${g.sessions.length} sessions`;
    },
  },
  {
    endpoint: 'groups/{id}',
    label: 'busiest group, last cycle',
    url: (s) => `/api/intervision/groups/${s.busiestLastGroupId}`,
    holds: (body) => {
      const g = body as GroupDetail;
      return `${g.registrations.length} registrations, ${g.sessions.length} sessions`;
    },
  },
  {
    endpoint: 'cycles/{id}/schedule',
    label: 'current cycle',
    url: (s) => `/api/intervision/cycles/${s.currentCycleId}/schedule`,
    holds: (body) => {
      const s = body as CycleSchedule;
      return `${s.groups.length} groups, ${s.groups.reduce((n, g) => n + g.sessions.length, 0)} sessions`;
    },
  },
  {
    endpoint: 'registrations?unpaid',
    label: 'unpaid fees, current cycle',
    url: () => '/api/intervision/registrations',
    query: (s) => ({ cycleId: s.currentCycleId, unpaid: 'true' }),
    holds: (body) => `${(body as RegistrationList).items.length} unpaid`,
  },
];

/** Past this, a request is timed `MIN_ITERATIONS` times or as often as `BUDGET_MS` allows. */
const SLOW_MS = 400;
const BUDGET_MS = 20_000;
const MIN_ITERATIONS = 10;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SQL_LIST = new RegExp(`'${UUID}'(?:, '${UUID}')+`, 'g');
const PLAN_LIST = new RegExp(`${UUID}(?:,${UUID})+`, 'g');
/**
 * The pages send thousands of ids in one `in (…)`: keep the first three of each list, and say how
 * many more, so that the saved plans stay readable (and small).
 */
function shortenLists(text: string): string {
  const keep = (list: string, separator: string) => {
    const items = list.split(separator);
    return items.length <= 3
      ? list
      : `${items.slice(0, 3).join(separator)}${separator}… ${items.length - 3} more`;
  };
  return text.replace(SQL_LIST, (l) => keep(l, ', ')).replace(PLAN_LIST, (l) => keep(l, ','));
}

/** Statements that differ only by their ids (a loop of queries) are shown once, with their count. */
function onePerShape<T extends { sql: string }>(statements: T[]): { first: T; times: number }[] {
  const shapes = new Map<string, { first: T; times: number }>();
  for (const s of statements) {
    const shape = s.sql.replace(new RegExp(UUID, 'g'), '?');
    const known = shapes.get(shape);
    if (known) known.times += 1;
    else shapes.set(shape, { first: s, times: 1 });
  }
  return [...shapes.values()];
}

/** A transaction's own statements: not the app's reads. */
const TRANSACTION = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;

/** "Execution Time: 12.3 ms", the last line of an EXPLAIN ANALYZE. */
const executionMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
/** The table a statement reads first: `select … from "intervision_sessions" …`. */
const tableOf = (text: string) => /from "(\w+)"/.exec(text)?.[1] ?? '?';

/**
 * Latency of the intervision pages a Connect coordinator opens (figures of a cycle and of a
 * year, with the records behind them; a group's page; the printable schedule; unpaid fees),
 * through the whole app, on ten years of cycles.
 */
export const intervision: Scenario = {
  name: 'intervision',
  description:
    'Latency of the intervision figures, group page, schedule and unpaid fees, through the whole app',
  // Its own data: the directory at its realistic size whatever the scale, then the intervision
  // tables at `scale`. A ten-times directory would only slow the seeding: the pages look
  // organisations and people up by id.
  needs: 'empty',
  signInAs: { role: 'coordinator', poles: ['connect'] },
  async run(ctx: BenchContext) {
    const directory = await seedDirectory(ctx.database.db, 1);
    ctx.log(
      `  seeded the directory: ${directory.organisations.toLocaleString('en-US')} organisations, ` +
        `${directory.people.toLocaleString('en-US')} people in ${directory.seconds} s`,
    );
    const seed = await seedIntervision(ctx.database.db, ctx.scale);
    const seeded =
      `${seed.cycles} cycles, ${seed.groups.toLocaleString('en-US')} groups, ` +
      `${seed.sessions.toLocaleString('en-US')} sessions, ${seed.registrations.toLocaleString('en-US')} registrations, ` +
      `${seed.attendance.toLocaleString('en-US')} attendances`;
    ctx.log(`  seeded ${seeded} in ${seed.seconds} s`);

    const rows: Row[] = [];
    const plans: string[] = [];
    // What the machine gives right now, to read the rest against (it is shared): one bare
    // statement straight to the database, and a request that counts nothing (the catalogue).
    const bare = await timeIt(
      async () => {
        await ctx.database.db.execute(sql`select count(*) from intervision_registrations`);
      },
      { warmup: ctx.warmup, iterations: ctx.iterations },
    );
    rows.push({
      endpoint: 'bare SQL',
      case: 'count(*) of the registrations',
      holds: `${seed.registrations.toLocaleString('en-US')} rows`,
      kib: 0,
      queries: 1,
      sent: 1,
      ...bare,
    });
    for (const c of CASES) {
      const url = c.url(seed);
      const query = c.query?.(seed);
      const first = await ctx.client.get(url, query, c.purpose);
      if (first.status !== 200) throw new Error(`${url} ${JSON.stringify(query)}: ${first.status}`);
      // How many statements one request sends: a number that grows with the data is a loop of queries.
      const started = performance.now();
      const statements = await captureQueries(ctx.database, async () => {
        await ctx.client.get(url, query, c.purpose);
      });
      const onceMs = performance.now() - started;
      // A request of seconds is timed fewer times, so that a run stays within minutes.
      const slow = onceMs > SLOW_MS;
      const iterations = slow
        ? Math.max(MIN_ITERATIONS, Math.min(ctx.iterations, Math.floor(BUDGET_MS / onceMs)))
        : ctx.iterations;
      await ctx.client.ensureSignedIn();
      const { p50Ms, p95Ms, maxMs } = await timeIt(
        async () => {
          const res = await ctx.client.get(url, query, c.purpose);
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        },
        { warmup: slow ? Math.min(ctx.warmup, 1) : ctx.warmup, iterations },
      );
      const row: Row = {
        endpoint: c.endpoint,
        case: c.label,
        holds: c.holds(first.body),
        kib: Math.round(first.bytes / 102.4) / 10,
        // The guard's session lookup is one of them; the transaction's own statements are not.
        queries: statements.filter((q) => !isSetting(q) && !TRANSACTION.test(q.text)).length,
        sent: statements.length,
        iterations,
        p50Ms,
        p95Ms,
        maxMs,
      };
      if (ctx.explain) {
        // Reads only: EXPLAIN ANALYZE runs what it explains (`with …` too: the figures' values and
        // breakdowns start with their shared sets).
        const mine = statements.filter((q) => /^\s*(select|with)\b/i.test(q.text) && !isSetting(q));
        const explained: { sql: string; plan: string; ms: number }[] = [];
        for (const q of mine) {
          const plan = await explain(ctx.database, q);
          explained.push({
            sql: shortenLists(readableSql(q)),
            plan: shortenLists(plan),
            ms: executionMs(plan),
          });
        }
        const slowest = explained.reduce((a, b) => (b.ms > a.ms ? b : a), explained[0]!);
        // The database's share, statement by statement; the app runs some in parallel.
        row.sqlMs = Math.round(explained.reduce((sum, e) => sum + e.ms, 0) * 10) / 10;
        row.slowest = `${tableOf(slowest.sql)} ${slowest.ms.toFixed(1)} ms`;
        plans.push(
          `=== ${c.endpoint}: ${c.label} ${url} ${JSON.stringify(query ?? {})}\n` +
            onePerShape(explained)
              .map(({ first, times }) =>
                times > 1
                  ? `-- ×${times} with other ids (the first shown)\n-- ${first.sql}\n${first.plan}`
                  : `-- ${first.sql}\n${first.plan}`,
              )
              .join('\n\n'),
        );
      }
      rows.push(row);
      ctx.log(
        `  ${c.endpoint.padEnd(22)} ${c.label.padEnd(30)} ${String(row.queries).padStart(4)} queries  ` +
          `p50 ${p50Ms} ms  p95 ${p95Ms} ms`,
      );
    }
    return {
      columns: [
        { key: 'endpoint', title: 'endpoint' },
        { key: 'case', title: 'case' },
        { key: 'holds', title: 'answer holds' },
        { key: 'kib', title: 'KiB', numeric: true },
        { key: 'queries', title: 'queries', numeric: true },
        { key: 'sent', title: 'sent', numeric: true },
        { key: 'iterations', title: 'n', numeric: true },
        { key: 'p50Ms', title: 'p50 ms', numeric: true },
        { key: 'p95Ms', title: 'p95 ms', numeric: true },
        { key: 'maxMs', title: 'max ms', numeric: true },
        ...(ctx.explain
          ? [
              { key: 'sqlMs', title: 'SQL ms', numeric: true },
              { key: 'slowest', title: 'slowest statement' },
            ]
          : []),
      ],
      rows,
      notes: [
        `Seeded ${seeded} (in ${seed.seconds} s) on a directory of ` +
          `${directory.organisations.toLocaleString('en-US')} organisations and ` +
          `${directory.people.toLocaleString('en-US')} people (${directory.seconds} s).`,
        'Signed in as a Connect coordinator; "queries" counts the statements of one request, the session lookup included; "sent" adds the request transaction\'s own (begin, who acts, savepoints, commit).',
        `A request slower than ${SLOW_MS} ms is timed n = ${MIN_ITERATIONS}–${ctx.iterations} times (as many as ${BUDGET_MS / 1000} s allow), after one warm-up.`,
      ],
      ...(plans.length
        ? { attachments: [{ suffix: 'intervision-explain.txt', text: plans.join('\n\n') }] }
        : {}),
    };
  },
};
