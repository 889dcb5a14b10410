import { can } from '@smes/shared';
import '../reports.css';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { api } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useFigureCatalogue, useFigureValues } from '../api/get-figures';
import { reportsKeys } from '../api/keys';
import type { FigureBreakdown } from '../api/types';
import { FigureList } from '../components/figure-list';
import { LiveFigureExtra } from '../components/live-figure-extra';
import { PeriodPicker } from '../components/period-picker';
import { readPeriod } from '../components/period';
import { ReportActions } from '../components/report-actions';
import { displayUnit, type ReportFigure } from '../components/report-model';
import { SavedReportsList } from '../components/saved-reports-list';
import { SaveReportForm } from '../components/save-report-form';

interface Chart {
  figureId: string;
  dimension: string;
}

/**
 * The Reports page: a period, every figure grouped by pole, records and charts one click away,
 * print and CSV, and the report saved as sent. The period lives in the address (?from=&to=).
 */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const catalogue = useFigureCatalogue();
  const values = useFigureValues(period);
  const [openRecords, setOpenRecords] = useState<string[]>([]);
  const [charts, setCharts] = useState<Chart[]>([]);
  useDocumentTitle(t('title'));

  const breakdowns = useQueries({
    queries: charts.map((c) => ({
      queryKey: reportsKeys.breakdown(c.figureId, c.dimension, period),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<FigureBreakdown>(
          `/api/figures/${encodeURIComponent(c.figureId)}/breakdown/${encodeURIComponent(c.dimension)}`,
          { query: { ...period }, signal },
        ),
    })),
  });

  const figures = useMemo((): ReportFigure[] => {
    if (!catalogue.data || !values.data) return [];
    const byId = new Map(values.data.values.map((v) => [v.id, v]));
    const units = new Map(catalogue.data.map((d) => [d.id, d.unit]));
    return catalogue.data.map((definition) => ({
      id: definition.id,
      pole: definition.pole,
      unit: displayUnit(definition, (id) => units.get(id)),
      label: definition.label,
      value: byId.get(definition.id)?.value ?? null,
      breakdowns: charts.flatMap((c, i) => {
        const data = breakdowns[i]?.data;
        return c.figureId === definition.id && data ? [{ dimension: c.dimension, rows: data.rows }] : [];
      }),
    }));
  }, [catalogue.data, values.data, charts, breakdowns]);

  const toggle = <T,>(list: T[], item: T, same: (a: T) => boolean) =>
    list.some(same) ? list.filter((x) => !same(x)) : [...list, item];

  const heading = t('period.heading', {
    from: formatDay(period.from, locale),
    to: formatDay(period.to, locale),
  });
  const definitions = new Map((catalogue.data ?? []).map((d) => [d.id, d]));

  return (
    <div className="report">
      <h1>{t('title')}</h1>
      <p className="muted no-print">{t('intro')}</p>
      <PeriodPicker
        key={`${period.from}/${period.to}`}
        period={period}
        onChange={(next) => setParams({ from: next.from, to: next.to })}
      />
      <h2 className="report__period">{heading}</h2>
      {catalogue.isError || values.isError ? (
        <ErrorAlert error={catalogue.error ?? values.error} />
      ) : catalogue.isPending || values.isPending ? (
        <FullPageLoading />
      ) : (
        <>
          <ReportActions from={period.from} to={period.to} figures={figures} />
          <div aria-busy={values.isPlaceholderData || undefined}>
            <FigureList
              figures={figures}
              extra={(figure) => {
                const definition = definitions.get(figure.id);
                if (!definition) return null;
                return (
                  <LiveFigureExtra
                    definition={definition}
                    period={period}
                    recordsOpen={openRecords.includes(figure.id)}
                    onToggleRecords={() =>
                      setOpenRecords((list) => toggle(list, figure.id, (x) => x === figure.id))
                    }
                    openDimensions={charts.filter((c) => c.figureId === figure.id).map((c) => c.dimension)}
                    onToggleChart={(dimension) =>
                      setCharts((list) =>
                        toggle(
                          list,
                          { figureId: figure.id, dimension },
                          (x) => x.figureId === figure.id && x.dimension === dimension,
                        ),
                      )
                    }
                  />
                );
              }}
            />
          </div>
          {can(user, 'reports', 'create') && <SaveReportForm period={period} breakdowns={charts} />}
        </>
      )}
      <SavedReportsList />
    </div>
  );
}
