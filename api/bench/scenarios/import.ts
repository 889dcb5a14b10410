import { performance } from 'node:perf_hooks';
import { runImport } from '../../src/modules/platform/imports/service.js';
import { hashPassword } from '../../src/modules/platform/auth/passwords.js';
import { insertUser } from '../../src/modules/platform/users/repository.js';
import { Random } from '../lib/random.js';
import { FR_PROPER, FR_TYPES, NEIGHBOURHOODS, NL_PROPER, NL_TYPES } from '../seed/names.js';
import type { BenchContext, Row, Scenario } from './types.js';

const ROWS_PER_SCALE = 10_000;
const SECTORS = ['Santé mentale', 'Thuislozenzorg', 'homeless', 'Assuétudes', 'Logement'];
const POSTAL_CODES = ['1000', '1030', '1060', '1070', '1080', '1180', '1190', '1210'];

/** A partner's list as Belgian Excel would save it: `;`, French headers, accents, two names. */
function partnerCsv(rows: number, random: Random): Uint8Array {
  const lines = ['Référence;Nom;Naam;Secteurs;Code postal;E-mail'];
  for (let i = 0; i < rows; i++) {
    const fr = `${random.pick(FR_TYPES)} ${random.pick(FR_PROPER)} ${random.pick(NEIGHBOURHOODS)} ${i}`;
    const nl = `${random.pick(NL_TYPES)} ${random.pick(NL_PROPER)} ${i}`;
    const sectors =
      random.next() < 0.3 ? `${random.pick(SECTORS)}, ${random.pick(SECTORS)}` : random.pick(SECTORS);
    lines.push(`P-${i};${fr};${nl};${sectors};${random.pick(POSTAL_CODES)};contact${i}@partner.example`);
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/**
 * Import throughput through the real service (read, map, check, match, write in one
 * transaction), for a file of `scale` × 10,000 organisations: a dry run, the import, and the
 * same file again, which must change nothing.
 */
export const importScenario: Scenario = {
  name: 'import',
  description: 'Imports a partner CSV of organisations: dry run, first import, and the same file again',
  needs: 'empty',
  async run(ctx: BenchContext) {
    const rows = ROWS_PER_SCALE * ctx.scale;
    const bytes = partnerCsv(rows, new Random(20_261_123));
    const admin = await insertUser(ctx.owner, {
      email: `bench-admin-${process.pid}@example.org`,
      displayName: 'Bench Admin',
      passwordHash: await hashPassword('Bench-Import-Administrator', { memoryKib: 4096 }),
      role: 'admin',
      poles: [],
    });
    // As the owner: the bench measures the import's own work, not row security.
    const service = { db: ctx.owner, actor: { ...admin, sessionId: 'bench' }, ip: 'bench' };
    const limits = { maxBytes: 256 * 1024 * 1024, maxRows: 1_000_000 };
    const out: Row[] = [];
    for (const [step, dryRun] of [
      ['dry run', true],
      ['import', false],
      ['same file again', false],
    ] as const) {
      const start = performance.now();
      const report = await runImport({
        ctx: service,
        input: { kind: 'organisations', file: { name: 'partner.csv', bytes }, dryRun, via: 'cli', limits },
      });
      const seconds = (performance.now() - start) / 1000;
      ctx.log(`  ${step}: ${report.status} in ${seconds.toFixed(1)} s`);
      for (const e of report.errors.slice(0, 3))
        ctx.log(`    row ${e.row} ${e.field}: ${e.code} ${e.value ?? ''}`);
      out.push({
        step,
        rows,
        megabytes: Number((bytes.length / 1024 / 1024).toFixed(1)),
        status: report.status,
        created: report.counts.created,
        unchanged: report.counts.unchanged,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
      });
    }
    return {
      columns: [
        { key: 'step', title: 'step' },
        { key: 'rows', title: 'rows', numeric: true },
        { key: 'megabytes', title: 'MiB', numeric: true },
        { key: 'status', title: 'status' },
        { key: 'created', title: 'created', numeric: true },
        { key: 'unchanged', title: 'unchanged', numeric: true },
        { key: 'seconds', title: 's', numeric: true },
        { key: 'rowsPerSecond', title: 'rows/s', numeric: true },
      ],
      rows: out,
      notes: [
        'One transaction per import; the second run must report every row unchanged.',
        'The upload limit (5 MiB, 100,000 rows) is raised here so the 10× file fits; partners send far smaller files.',
      ],
    };
  },
};
