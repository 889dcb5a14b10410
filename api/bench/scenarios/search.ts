import { captureQueries, explain, readableSql } from '../lib/explain.js';
import { timeIt } from '../lib/measure.js';
import type { SeedSummary } from '../seed/directory.js';
import type { BenchContext, Row, Scenario } from './types.js';

type Endpoint = 'organisations' | 'people';

interface SearchCase {
  endpoint: Endpoint;
  /** What kind of search this stands for. */
  label: string;
  query: (seed: SeedSummary) => Record<string, string | number>;
}

/** The directory pages ask for 25 rows; the pickers (organisation, person) for 8. */
const PAGE = 25;
const PICKER = 8;

/**
 * Searches people really type. The pickers send a search from the second letter, so a
 * two-letter term, which no trigram can serve, is on the list too.
 */
const CASES: SearchCase[] = [
  { endpoint: 'organisations', label: 'first page, no search', query: () => ({ pageSize: PAGE }) },
  { endpoint: 'organisations', label: 'short prefix "ilo"', query: () => ({ q: 'ilo', pageSize: PAGE }) },
  {
    endpoint: 'organisations',
    label: 'picker, 2 letters "ma"',
    query: () => ({ q: 'ma', pageSize: PICKER }),
  },
  {
    endpoint: 'organisations',
    label: 'full word "molenbeek"',
    query: () => ({ q: 'molenbeek', pageSize: PAGE }),
  },
  {
    endpoint: 'organisations',
    label: 'two words "maison anderlecht"',
    query: () => ({ q: 'maison anderlecht', pageSize: PAGE }),
  },
  {
    endpoint: 'organisations',
    label: 'rare word "kiekenfretter"',
    query: () => ({ q: 'kiekenfretter', pageSize: PAGE }),
  },
  {
    endpoint: 'organisations',
    label: 'no match "xylophone"',
    query: () => ({ q: 'xylophone', pageSize: PAGE }),
  },
  {
    endpoint: 'organisations',
    label: 'sector filter, no search',
    query: (seed) => ({ sectorId: seed.sectorIds.general_health!, pageSize: PAGE }),
  },
  {
    endpoint: 'organisations',
    label: 'page 5 of "maison"',
    query: () => ({ q: 'maison', page: 5, pageSize: PAGE }),
  },
  { endpoint: 'people', label: 'first page, no search', query: () => ({ pageSize: PAGE }) },
  { endpoint: 'people', label: 'short prefix "mar"', query: () => ({ q: 'mar', pageSize: PAGE }) },
  { endpoint: 'people', label: 'picker, 2 letters "ma"', query: () => ({ q: 'ma', pageSize: PICKER }) },
  { endpoint: 'people', label: 'full word "peeters"', query: () => ({ q: 'peeters', pageSize: PAGE }) },
  {
    endpoint: 'people',
    label: 'two words "marie dubois"',
    query: () => ({ q: 'marie dubois', pageSize: PAGE }),
  },
  { endpoint: 'people', label: 'rare word "zwanepoel"', query: () => ({ q: 'zwanepoel', pageSize: PAGE }) },
  { endpoint: 'people', label: 'no match "xylophone"', query: () => ({ q: 'xylophone', pageSize: PAGE }) },
  {
    endpoint: 'people',
    label: 'largest organisation, no search',
    query: (seed) => ({ organisationId: seed.largestOrganisationId, pageSize: PAGE }),
  },
  { endpoint: 'people', label: 'page 5 of "van"', query: () => ({ q: 'van', page: 5, pageSize: PAGE }) },
];

/** How the row query found its rows, read from its plan. */
function access(plan: string, endpoint: Endpoint): string {
  if (plan.includes(`${endpoint}_search_trgm`)) return 'trigram index';
  if (new RegExp(`Seq Scan on ${endpoint}\\b`).test(plan)) return 'seq scan';
  const index = /Index(?: Only)? Scan (?:using|on) (\w+)/.exec(plan);
  return index ? `index ${index[1]}` : 'other';
}

/** "Execution Time: 12.3 ms", the last line of an EXPLAIN ANALYZE. */
const executionMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);

/** The statements of one request that read the searched table (rows, then count). */
async function explainCase(
  ctx: BenchContext,
  url: string,
  query: Record<string, string | number>,
  endpoint: Endpoint,
) {
  const captured = await captureQueries(ctx.database, async () => {
    await ctx.client.get(url, query);
  });
  const mine = captured.filter((q) => q.text.includes(`from "${endpoint}" where`));
  const plans = await Promise.all(mine.map((q) => explain(ctx.database, q)));
  return mine.map((q, i) => ({ sql: readableSql(q), plan: plans[i]! }));
}

export const search: Scenario = {
  name: 'search',
  description: 'Latency of GET /api/organisations and /api/people searches, through the whole app',
  needs: 'directory',
  async run(ctx) {
    const seed = ctx.seed;
    if (!seed) throw new Error('the search scenario needs a seeded directory');
    const rows: Row[] = [];
    const plans: string[] = [];
    const notes: string[] = [];
    for (const c of CASES) {
      const url = `/api/${c.endpoint}`;
      const query = c.query(seed);
      const first = await ctx.client.get(url, query);
      if (first.status !== 200) throw new Error(`${url} ${JSON.stringify(query)}: ${first.status}`);
      const total = (first.body as { total: number }).total;
      await ctx.client.ensureSignedIn();
      const { p50Ms, p95Ms, maxMs } = await timeIt(
        async () => {
          const res = await ctx.client.get(url, query);
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        },
        { warmup: ctx.warmup, iterations: ctx.iterations },
      );
      const row: Row = { endpoint: c.endpoint, query: c.label, total, p50Ms, p95Ms, maxMs };
      if (ctx.explain) {
        const explained = await explainCase(ctx, url, query, c.endpoint);
        row.plan = explained[0] ? access(explained[0].plan, c.endpoint) : 'n/a';
        // The database's share of the request: the rest is the app (guard, summaries, JSON).
        row.sqlMs = Math.round(explained.reduce((sum, e) => sum + executionMs(e.plan), 0) * 10) / 10;
        plans.push(
          `=== ${c.endpoint}: ${c.label} ${JSON.stringify(query)}\n` +
            explained.map((e) => `-- ${e.sql}\n${e.plan}`).join('\n\n'),
        );
      }
      rows.push(row);
      ctx.log(`  ${c.endpoint.padEnd(13)} ${c.label.padEnd(34)} p50 ${p50Ms} ms  p95 ${p95Ms} ms`);
    }
    for (const r of rows) {
      if (String(r.query).startsWith('no match') && r.total !== 0)
        notes.push(`"${r.query}" matched ${r.total} rows`);
    }
    return {
      columns: [
        { key: 'endpoint', title: 'endpoint' },
        { key: 'query', title: 'query' },
        { key: 'total', title: 'matched', numeric: true },
        { key: 'p50Ms', title: 'p50 ms', numeric: true },
        { key: 'p95Ms', title: 'p95 ms', numeric: true },
        { key: 'maxMs', title: 'max ms', numeric: true },
        ...(ctx.explain
          ? [
              { key: 'sqlMs', title: 'SQL ms', numeric: true },
              { key: 'plan', title: 'rows found by' },
            ]
          : []),
      ],
      rows,
      notes,
      ...(plans.length ? { attachments: [{ suffix: 'search-explain.txt', text: plans.join('\n\n') }] } : {}),
    };
  },
};
