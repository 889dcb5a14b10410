import type { Database, Db } from '../../src/db/client.js';
import type { BenchUser, Client } from '../lib/app.js';
import type { DbKind } from '../lib/database.js';
import type { SeedSummary } from '../seed/directory.js';

export interface BenchContext {
  kind: DbKind;
  scale: number;
  database: Database;
  /** The owner's handle (a superuser, no row security): for seeding and the bare-SQL yardstick. */
  owner: Db;
  /** The app on `database`, with a signed-in user (`Scenario.signInAs`). */
  client: Client;
  /** What `seedDirectory` wrote, when the scenario asked for a seeded directory. */
  seed: SeedSummary | null;
  iterations: number;
  warmup: number;
  /** Also save `EXPLAIN (ANALYZE, BUFFERS)` of the queries measured. */
  explain: boolean;
  log(line: string): void;
}

export interface Column {
  key: string;
  title: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

export type Row = Record<string, string | number | boolean | null>;

export interface ScenarioReport {
  columns: Column[];
  rows: Row[];
  notes: string[];
  /** Longer text kept beside the JSON results (query plans…), by file-name suffix. */
  attachments?: { suffix: string; text: string }[];
}

/**
 * One thing the bench measures. Each scenario runs on a fresh database of its own, so that one
 * (an import, say) cannot change what the next one finds.
 */
export interface Scenario {
  name: string;
  description: string;
  /** `directory`: `scale` × 10,000 organisations and people, seeded before `run`. */
  needs: 'directory' | 'empty';
  /** Who `ctx.client` signs in as; a worker of the Support pole when not said. */
  signInAs?: BenchUser;
  run(ctx: BenchContext): Promise<ScenarioReport>;
}
