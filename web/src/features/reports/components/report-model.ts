import type { Locale } from '@smes/shared';
import type { ChartRow } from './bar-chart';
import type { CsvFigure } from './csv';

/** A figure as a report shows it, live or as saved. */
export interface ReportFigure {
  id: string;
  pole: string;
  unit: string;
  label: { fr: string; nl: string };
  value: number | null;
  breakdowns: { dimension: string; rows: ChartRow[] }[];
}

/**
 * The unit a figure is shown in: a difference of two sums of money is money (fees invoiced
 * minus received), any other difference a signed number.
 */
export function displayUnit(
  figure: { unit: string; of?: readonly string[] | undefined },
  unitOf: (id: string) => string | undefined,
): string {
  if (figure.unit === 'difference' && figure.of?.length && figure.of.every((id) => unitOf(id) === 'money')) {
    return 'money';
  }
  return figure.unit;
}

/** The poles in the activity report's order; a pole the SPA does not know yet comes last. */
export const POLE_ORDER = ['connect', 'support', 'housing-first', 'association'];

export function groupByPole<F extends { pole: string }>(
  figures: readonly F[],
): { pole: string; figures: F[] }[] {
  const poles = [...new Set(figures.map((f) => f.pole))];
  const rank = (pole: string) => (POLE_ORDER.includes(pole) ? POLE_ORDER.indexOf(pole) : POLE_ORDER.length);
  return poles
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((pole) => ({ pole, figures: figures.filter((f) => f.pole === pole) }));
}

/** The rows of the CSV, pole by pole as on screen, labels in the user's language. */
export function csvFigures(figures: readonly ReportFigure[], locale: Locale): CsvFigure[] {
  return groupByPole(figures).flatMap(({ figures: list }) =>
    list.map((f) => ({
      pole: f.pole,
      label: f.label[locale],
      unit: f.unit,
      value: f.value,
      breakdowns: f.breakdowns.map((b) => ({
        dimension: b.dimension,
        rows: b.rows.map((r) => ({ label: r.label[locale], value: r.value, share: r.share })),
      })),
    })),
  );
}
