import type {
  CycleSchedule,
  FigureBreakdown,
  FigureRecordPage,
  FigureValues,
  GroupDetail,
  RegistrationList,
} from '@smes/shared';
import { sql } from 'drizzle-orm';
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
import { seedIntervision, type IntervisionSeed } from '../seed/intervision.js';
import type { BenchContext, Row, Scenario } from './types.js';

type IntervisionCase = RequestCase<IntervisionSeed>;

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
    const directory = await seedDirectory(ctx.owner, 1);
    ctx.log(
      `  seeded the directory: ${directory.organisations.toLocaleString('en-US')} organisations, ` +
        `${directory.people.toLocaleString('en-US')} people in ${directory.seconds} s`,
    );
    const seed = await seedIntervision(ctx.owner, ctx.scale);
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
        await ctx.owner.execute(sql`select count(*) from intervision_registrations`);
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
    const measured = await measureCases(ctx, CASES, seed);
    rows.push(...measured.rows);
    plans.push(...measured.plans);
    return {
      columns: caseColumns(ctx),
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
