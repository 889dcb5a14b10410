import type { Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatPercent } from '@/lib/format';
import { formatFigureValue } from './figure-value';

export interface ChartRow {
  key: string;
  label: { fr: string; nl: string };
  value: number;
  share: number | null;
}

/** Largest first; equal bars in the user's alphabetical order. */
export function chartOrder(rows: readonly ChartRow[], locale: Locale): ChartRow[] {
  return [...rows].sort(
    (a, b) => b.value - a.value || a.label[locale].localeCompare(b.label[locale], locale),
  );
}

/**
 * Bars by sector (or commune, language…) with each bar's count and share written beside it: the
 * words are the chart's text alternative, the bars are drawn for the eye only. Plain HTML and
 * CSS, so that it prints as it shows.
 */
export function BarChart({ title, rows, unit }: { title: string; rows: readonly ChartRow[]; unit: string }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('figures.chartEmpty')}</p>
      ) : (
        <ul className="bar-chart__rows" aria-label={title}>
          {chartOrder(rows, locale).map((row) => (
            <li key={row.key} className="bar-chart__row">
              <span className="bar-chart__label">{row.label[locale]}</span>
              <span className="bar-chart__track" aria-hidden="true">
                <span
                  className="bar-chart__bar"
                  style={{ width: `${max > 0 ? (row.value / max) * 100 : 0}%` }}
                />
              </span>
              <span className="bar-chart__value">
                {row.share === null
                  ? formatFigureValue(row.value, unit === 'money' ? 'money' : 'count', locale)
                  : t('figures.chartRow', {
                      value: formatFigureValue(row.value, unit === 'money' ? 'money' : 'count', locale),
                      share: formatPercent(row.share, locale),
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
