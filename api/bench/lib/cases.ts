import { performance } from 'node:perf_hooks';
import type { Purpose } from '@smes/shared';
import type { BenchContext, Column, Row } from '../scenarios/types.js';
import { captureQueries, explain, isSetting, readableSql } from './explain.js';
import { timeIt } from './measure.js';

/**
 * One page a scenario times through the whole app: its url and query (from what the scenario
 * seeded), the purpose it is read for, and what its answer holds in a few words.
 */
export interface RequestCase<S> {
  endpoint: string;
  /** What the user opens. */
  label: string;
  url: (seed: S) => string;
  query?: (seed: S) => Record<string, string>;
  /** What the records are read for (decision 21): the Reports page checks a report. */
  purpose?: Purpose;
  /** What the answer holds, in a few words: the size of the work. */
  holds: (body: unknown) => string;
}

/** Past this, a request is timed `MIN_ITERATIONS` times or as often as `BUDGET_MS` allows. */
export const SLOW_MS = 400;
export const BUDGET_MS = 20_000;
export const MIN_ITERATIONS = 10;

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
 * Times each case (after counting the statements one request sends and, with `ctx.explain`,
 * explaining each of them): a row per case, and the plans to save beside the results.
 */
export async function measureCases<S>(
  ctx: BenchContext,
  cases: readonly RequestCase<S>[],
  seed: S,
): Promise<{ rows: Row[]; plans: string[] }> {
  const rows: Row[] = [];
  const plans: string[] = [];
  for (const c of cases) {
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
  return { rows, plans };
}

/** The columns of `measureCases`' rows (with the plans' when explaining). */
export const caseColumns = (ctx: BenchContext): Column[] => [
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
];
