import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { BarChart } from './bar-chart';
import { formatFigureValue } from './figure-value';
import { groupByPole, type ReportFigure } from './report-model';

/**
 * Every figure grouped by pole, each with its value in the user's language and the breakdowns
 * shown as bar charts; `extra` adds what the live page offers under a figure (records, charts).
 */
export function FigureList({
  figures,
  extra,
}: {
  figures: readonly ReportFigure[];
  extra?: (figure: ReportFigure) => ReactNode;
}) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  return (
    <div className="report-poles">
      {groupByPole(figures).map(({ pole, figures: list }) => (
        <section key={pole} className="report-pole" aria-labelledby={`pole-${pole}`}>
          <h2 id={`pole-${pole}`}>{t(`poles.${pole}`, { defaultValue: pole })}</h2>
          <ul className="report-figures">
            {list.map((figure) => (
              <li key={figure.id} className="report-figure" data-figure={figure.id}>
                <div className="report-figure__head">
                  <span className="report-figure__label">{figure.label[locale]}</span>
                  <strong className="report-figure__value">
                    {formatFigureValue(figure.value, figure.unit, locale)}
                  </strong>
                </div>
                {extra?.(figure)}
                {figure.breakdowns.map((b) => (
                  <BarChart
                    key={b.dimension}
                    unit={figure.unit}
                    rows={b.rows}
                    title={t('figures.chartTitle', {
                      figure: figure.label[locale],
                      dimension: t(`dimensions.${b.dimension}`, { defaultValue: b.dimension }).toLowerCase(),
                    })}
                  />
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
