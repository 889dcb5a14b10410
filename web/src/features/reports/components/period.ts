import type { Period } from '@smes/shared';

/** A report's period: what funders ask for (a year, a semester, a quarter) or any two dates. */
export type PeriodKind = 'year' | 'semester' | 'quarter' | 'dates';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months `first`..`last` (1–12) of a year, first day to last. */
function months(year: number, first: number, last: number): Period {
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

export const yearPeriod = (year: number) => months(year, 1, 12);
/** Semester 1 (January–June) or 2 (July–December). */
export const semesterPeriod = (year: number, part: number) => months(year, part * 6 - 5, part * 6);
/** Quarter 1–4. */
export const quarterPeriod = (year: number, part: number) => months(year, part * 3 - 2, part * 3);

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** The semester (1–2) or quarter (1–4); 1 for a year or dates. */
  part: number;
}

export function choicePeriod({ kind, year, part }: PeriodChoice): Period | null {
  if (kind === 'year') return yearPeriod(year);
  if (kind === 'semester') return semesterPeriod(year, part);
  if (kind === 'quarter') return quarterPeriod(year, part);
  return null;
}

/** What a period is, read back from its dates: a whole year, semester or quarter, or dates. */
export function describePeriod({ from, to }: Period): PeriodChoice {
  const year = Number(from.slice(0, 4));
  const same = (p: Period) => p.from === from && p.to === to;
  if (same(yearPeriod(year))) return { kind: 'year', year, part: 1 };
  for (const part of [1, 2]) if (same(semesterPeriod(year, part))) return { kind: 'semester', year, part };
  for (const part of [1, 2, 3, 4])
    if (same(quarterPeriod(year, part))) return { kind: 'quarter', year, part };
  return { kind: 'dates', year, part: 1 };
}

const isDay = (value: string | null): value is string =>
  value !== null && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The period in the address; last calendar year when none (or a backwards one) is given. */
export function readPeriod(params: URLSearchParams, today = new Date()): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { from, to };
  return yearPeriod(today.getFullYear() - 1);
}
