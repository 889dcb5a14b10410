import { saveBlob } from '@/lib/download';

/**
 * A report as CSV for Belgian Excel: `;` between fields, UTF-8 with a byte-order mark (without
 * it Excel reads accents as Windows-1252), CRLF lines, decimal comma and no thousands separator
 * (so Excel reads numbers as numbers), dates dd/mm/yyyy, headings in the user's language.
 */
export interface CsvFigure {
  pole: string;
  label: string;
  unit: string;
  value: number | null;
  breakdowns: { dimension: string; rows: { label: string; value: number; share: number | null }[] }[];
}

export interface CsvWords {
  columns: {
    from: string;
    to: string;
    pole: string;
    figure: string;
    breakdown: string;
    value: string;
    unit: string;
    share: string;
  };
  pole: (pole: string) => string;
  unit: (unit: string) => string;
  /** "Secteur : Santé mentale" / "Sector: Geestelijke gezondheid". */
  breakdownRow: (dimension: string, label: string) => string;
}

const BOM = '\uFEFF';

/** yyyy-mm-dd → dd/mm/yyyy, as a text that no time zone can move. */
export const csvDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** 1234.5 → "1234,5"; shares become percentages (0.7097 → "70,97" in a "%" column). */
export function csvNumber(value: number | null, unit = 'count'): string {
  if (value === null || !Number.isFinite(value)) return '';
  const n = unit === 'share' ? value * 100 : value;
  const digits = unit === 'money' ? 2 : undefined;
  const text = digits === undefined ? String(Math.round(n * 100) / 100) : n.toFixed(digits);
  return text.replace('.', ',');
}

/**
 * Quotes a field when it holds a separator, a quote or a line break; a text starting like a
 * formula (=, +, -, @) gets an apostrophe so that Excel shows it instead of running it.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(
  report: { from: string; to: string; figures: CsvFigure[] },
  words: CsvWords,
): string {
  const c = words.columns;
  const lines = [[c.from, c.to, c.pole, c.figure, c.breakdown, c.value, c.unit, c.share].map(csvText)];
  const from = csvDate(report.from);
  const to = csvDate(report.to);
  for (const f of report.figures) {
    const head = [from, to, csvText(words.pole(f.pole)), csvText(f.label)];
    lines.push([...head, '', csvNumber(f.value, f.unit), csvText(words.unit(f.unit)), '']);
    for (const b of f.breakdowns) {
      for (const row of b.rows) {
        lines.push([
          ...head,
          csvText(words.breakdownRow(b.dimension, row.label)),
          csvNumber(row.value, f.unit === 'money' ? 'money' : 'count'),
          csvText(words.unit(f.unit)),
          csvNumber(row.share, 'share'),
        ]);
      }
    }
  }
  return BOM + lines.map((line) => line.join(';')).join('\r\n') + '\r\n';
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(csv: string, fileName: string) {
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
