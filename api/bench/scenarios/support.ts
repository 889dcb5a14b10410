import type { FigureBreakdown, FigureRecordPage, FigureValues, SupportBoard } from '@smes/shared';
import { sql } from 'drizzle-orm';
import { FIGURES } from '../../src/modules/figure-definitions.js';
import {
  BUDGET_MS,
  caseColumns,
  measureCases,
  MIN_ITERATIONS,
  SLOW_MS,
  type RequestCase,
} from '../lib/cases.js';
import { timeIt } from '../lib/measure.js';
import { seedDirectory } from '../seed/directory.js';
import { BENCH_TODAY } from '../seed/intervision.js';
import { REQUESTS_PER_YEAR, seedSupport, type SupportSeed } from '../seed/support.js';
import type { BenchContext, Row, Scenario } from './types.js';

/** The last complete year: what a funder asks Support's figures for. */
const YEAR = 2025;
const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
/** Support's figures, all of them: what the Reports page counts for the pole. */
const SUPPORT_FIGURES = FIGURES.filter((f) => f.pole === 'support').map((f) => f.id);

const valueOf = (f: FigureValues, id: string) => f.values.find((v) => v.id === id)?.value ?? 0;

const CASES: RequestCase<SupportSeed>[] = [
  {
    endpoint: 'figures',
    label: 'catalogue: a bare request',
    url: () => '/api/figures',
    holds: (body) => `${(body as unknown[]).length} figures, no value`,
  },
  {
    endpoint: 'support/board',
    label: `due board on ${BENCH_TODAY}`,
    url: () => '/api/support/board',
    query: () => ({ on: BENCH_TODAY }),
    holds: (body) => {
      const b = body as SupportBoard;
      return `${b.today.length} today, ${b.thisWeek.length} this week, ${b.overdue.length} overdue, ${b.answered.length} answered`;
    },
  },
  {
    endpoint: 'figures/values',
    label: `Support's figures, year ${YEAR}`,
    url: () => '/api/figures/values',
    query: () => ({ ...year, ids: SUPPORT_FIGURES.join(',') }),
    holds: (body) => {
      const f = body as FigureValues;
      return `${f.values.length} figures: ${valueOf(f, 'support.requests.new')} requests, ${valueOf(f, 'support.interventions.held')} interventions`;
    },
  },
  {
    endpoint: 'figures/{id}/records',
    label: `new requests ${YEAR}, first page`,
    url: () => '/api/figures/support.requests.new/records',
    query: () => year,
    purpose: 'report_check',
    holds: (body) => {
      const r = body as FigureRecordPage;
      return `${r.items.length} of ${r.total} records`;
    },
  },
  {
    endpoint: 'figures/{id}/breakdown',
    label: `new requests ${YEAR} by sector`,
    url: () => '/api/figures/support.requests.new/breakdown/sector',
    query: () => year,
    holds: (body) => `${(body as FigureBreakdown).rows.length} rows`,
  },
];

/**
 * Latency of what the Support team opens every day (the due board) and what a funder's report
 * counts (a year's Support figures, their records and a breakdown), through the whole app, on
 * ten years of requests: about 50 a year at scale 1, 500 at scale 10.
 */
export const support: Scenario = {
  name: 'support',
  description: "Latency of Support's due board and a year's Support figures, through the whole app",
  // The directory at its realistic size whatever the scale (requesters are looked up by id),
  // then the requests at `scale`.
  needs: 'empty',
  signInAs: { role: 'worker', poles: ['support'] },
  async run(ctx: BenchContext) {
    const directory = await seedDirectory(ctx.owner, 1);
    ctx.log(
      `  seeded the directory: ${directory.organisations.toLocaleString('en-US')} organisations, ` +
        `${directory.people.toLocaleString('en-US')} people in ${directory.seconds} s`,
    );
    const seed = await seedSupport(ctx.owner, ctx.scale);
    const seeded =
      `${seed.requests.toLocaleString('en-US')} requests (${REQUESTS_PER_YEAR * ctx.scale} a year), ` +
      `${seed.interventions.toLocaleString('en-US')} interventions, ${seed.persons.toLocaleString('en-US')} persons concerned`;
    ctx.log(`  seeded ${seeded} in ${seed.seconds} s`);

    // The yardstick (the machine is shared): one bare statement, then the catalogue (below).
    const bare = await timeIt(
      async () => {
        await ctx.owner.execute(sql`select count(*) from support_requests`);
      },
      { warmup: ctx.warmup, iterations: ctx.iterations },
    );
    const rows: Row[] = [
      {
        endpoint: 'bare SQL',
        case: 'count(*) of the requests',
        holds: `${seed.requests.toLocaleString('en-US')} rows`,
        kib: 0,
        queries: 1,
        sent: 1,
        ...bare,
      },
    ];
    const measured = await measureCases(ctx, CASES, seed);
    rows.push(...measured.rows);
    return {
      columns: caseColumns(ctx),
      rows,
      notes: [
        `Seeded ${seeded} (in ${seed.seconds} s) on a directory of ` +
          `${directory.organisations.toLocaleString('en-US')} organisations and ` +
          `${directory.people.toLocaleString('en-US')} people (${directory.seconds} s).`,
        'Signed in as a Support worker; every read names its purpose and is logged, as in the app. "queries" counts the statements of one request, the session lookup included; "sent" adds the request transaction\'s own.',
        `Target: under 100 ms for the board and the year's figures. A request slower than ${SLOW_MS} ms is timed n = ${MIN_ITERATIONS}–${ctx.iterations} times (as many as ${BUDGET_MS / 1000} s allow).`,
      ],
      ...(measured.plans.length
        ? { attachments: [{ suffix: 'support-explain.txt', text: measured.plans.join('\n\n') }] }
        : {}),
    };
  },
};
