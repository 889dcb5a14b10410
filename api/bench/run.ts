/**
 * The API benchmark: seeds realistic (×1) and ten-times (×10) volumes, then measures
 * through the real app. See bench/README.md.
 *
 *   npm run bench -- --db postgres --scale 10 --only search
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Client } from './lib/app.js';
import { startApp } from './lib/app.js';
import {
  DEFAULT_POSTGRES_URL,
  openBenchDatabase,
  type BenchDatabase,
  type ConnectAs,
  type DbKind,
} from './lib/database.js';
import { secondsSince } from './lib/measure.js';
import { formatTable, machineFacts, saveAttachment, saveResults, type RunRecord } from './lib/report.js';
import { SCENARIOS } from './scenarios/index.js';
import { seedDirectory } from './seed/directory.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A bad command line: said in one line, without a stack. */
class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', multiple: true },
      scale: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      iterations: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '5' },
      explain: { type: 'boolean' },
      'no-save': { type: 'boolean', default: false },
      superuser: { type: 'boolean', default: false },
    },
  });
  const dbs = (values.db ?? ['postgres']) as DbKind[];
  for (const d of dbs)
    if (d !== 'postgres' && d !== 'pglite') throw new UsageError(`--db ${d}: postgres or pglite`);
  const scales = (values.scale ?? ['1', '10']).map(Number);
  for (const s of scales)
    if (!(s > 0)) throw new UsageError('--scale: a positive number (1 = 10,000 rows per table)');
  const names = values.only ?? SCENARIOS.map((s) => s.name);
  const scenarios = names.map((n) => {
    const found = SCENARIOS.find((s) => s.name === n);
    if (!found) throw new UsageError(`--only ${n}: one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return found;
  });
  return {
    dbs,
    scales,
    scenarios,
    iterations: Number(values.iterations),
    warmup: Number(values.warmup),
    explain: values.explain,
    save: !values['no-save'],
    connectAs: (values.superuser ? 'superuser' : 'app') as ConnectAs,
    // A bench script, not the app: it reads its one setting here rather than through src/config.
    postgresUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
  };
}

let current: BenchDatabase | undefined;
process.once('SIGINT', () => {
  out('\ninterrupted: dropping the bench database');
  void (current?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function main() {
  const opts = options();
  for (const kind of opts.dbs) {
    const records: RunRecord[] = [];
    let machine: ReturnType<typeof machineFacts> | undefined;
    for (const scale of opts.scales) {
      for (const scenario of opts.scenarios) {
        const started = performance.now();
        const loadBefore = os.loadavg()[0]!;
        current = await openBenchDatabase(kind, opts.postgresUrl, opts.connectAs);
        let client: Client | undefined;
        try {
          machine ??= machineFacts(kind, current.serverVersion);
          if (records.length === 0) {
            out(
              `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, ` +
                `node ${machine.node}, ${machine.dbVersion} (${kind}` +
                (kind === 'postgres'
                  ? `, the app as ${opts.connectAs === 'app' ? 'smes_app' : 'the superuser'})`
                  : ')'),
            );
          }
          out(`\n${kind} · scale ${scale} · ${scenario.name}: ${scenario.description}`);
          const seed = scenario.needs === 'directory' ? await seedDirectory(current.owner, scale) : null;
          if (seed) {
            out(
              `  seeded ${seed.organisations.toLocaleString('en-US')} organisations, ` +
                `${seed.people.toLocaleString('en-US')} people, ${seed.affiliations.toLocaleString('en-US')} ` +
                `affiliations in ${seed.seconds} s`,
            );
          }
          client = await startApp(current.database, current.owner, scenario.signInAs);
          const report = await scenario.run({
            kind,
            scale,
            database: current.database,
            owner: current.owner,
            client,
            seed,
            iterations: opts.iterations,
            warmup: opts.warmup,
            explain: opts.explain ?? (kind === 'postgres' && scale >= 10),
            log: out,
          });
          out(`\n${formatTable(report.columns, report.rows)}`);
          for (const note of report.notes) out(`  note: ${note}`);
          if (opts.save) {
            for (const a of report.attachments ?? [])
              out(`  saved ${saveAttachment(kind, scale, a.suffix, a.text)}`);
          }
          records.push({
            scale,
            scenario: scenario.name,
            ranAt: new Date().toISOString(),
            iterations: opts.iterations,
            ...(kind === 'postgres' ? { connectAs: opts.connectAs } : {}),
            loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0]!) },
            seed: seed && {
              organisations: seed.organisations,
              people: seed.people,
              affiliations: seed.affiliations,
              organisationSectors: seed.organisationSectors,
              seconds: seed.seconds,
            },
            rows: report.rows,
            notes: report.notes,
          });
          out(`  (${secondsSince(started)} s in all; load average ${loadBefore.toFixed(1)} before)`);
        } finally {
          await client?.close();
          await current.drop();
          current = undefined;
        }
      }
    }
    if (opts.save && machine && records.length) out(`\nsaved ${saveResults(kind, machine, records)}`);
  }
}

main().catch((err: unknown) => {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(usage ? `bench: ${(err as Error).message}` : err);
  process.exitCode = usage ? 2 : 1;
});
