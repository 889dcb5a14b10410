import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Column, Row } from '../scenarios/types.js';
import type { SeedSummary } from '../seed/directory.js';
import type { DbKind } from './database.js';

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  db: DbKind;
  dbVersion: string;
}

export interface RunRecord {
  scale: number;
  scenario: string;
  ranAt: string;
  iterations: number;
  /** PostgreSQL: whom the app connected as (`app`: smes_app under row security, as in production). */
  connectAs?: 'app' | 'superuser';
  /** `os.loadavg()` (1 min) before and after: other work on the machine skews the numbers. */
  loadAverage: { before: number; after: number };
  seed: Omit<SeedSummary, 'largestOrganisationId' | 'sectorIds'> | null;
  rows: Row[];
  notes: string[];
}

interface ResultsFile {
  date: string;
  db: DbKind;
  machine: Machine;
  runs: RunRecord[];
}

export function machineFacts(db: DbKind, dbVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    db,
    dbVersion,
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * Writes `results/<date>-<db>.json`. A run of one scale or scenario replaces that part of the
 * day's file and keeps the rest, so `--scale 10` after `--scale 1` leaves both on record.
 */
export function saveResults(db: DbKind, machine: Machine, runs: RunRecord[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const date = today();
  const file = path.join(RESULTS_DIR, `${date}-${db}.json`);
  const previous: RunRecord[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile).runs
    : [];
  const kept = previous.filter((p) => !runs.some((r) => r.scale === p.scale && r.scenario === p.scenario));
  const all = [...kept, ...runs].sort((a, b) => a.scale - b.scale || a.scenario.localeCompare(b.scenario));
  const content: ResultsFile = { date, db, machine, runs: all };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

export function saveAttachment(db: DbKind, scale: number, suffix: string, text: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${today()}-${db}-${scale}x-${suffix}`);
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  return file;
}

const cell = (v: Row[string] | undefined) =>
  v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v);

/** A plain-text table; also valid Markdown, so the README can take it as printed. */
export function formatTable(columns: Column[], rows: Row[]): string {
  const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => cell(r[c.key]).length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => (columns[i]!.numeric ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${columns.map((c, i) => (c.numeric ? `${'-'.repeat(widths[i]! + 1)}:` : '-'.repeat(widths[i]! + 2))).join('|')}|`;
  return [
    line(columns.map((c) => c.title)),
    rule,
    ...rows.map((r) => line(columns.map((c) => cell(r[c.key])))),
  ].join('\n');
}
