import { useTranslation } from 'react-i18next';
import '../reports.css';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { isNotFound } from '@/lib/api-client';
import { formatDateTime, formatDay } from '@/lib/format';
import { useSavedReport } from '../api/saved-reports';
import { ChangesPanel } from '../components/changes-panel';
import { FigureList } from '../components/figure-list';
import { ReportActions } from '../components/report-actions';
import { displayUnit } from '../components/report-model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A saved report reprinted from its stored values and wording, with what changed since. */
export function SavedReportPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <SavedReport id={id} /> : <NotFoundPage />;
}

function SavedReport({ id }: { id: string }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const report = useSavedReport(id);
  useDocumentTitle(report.data?.title ?? t('title'));
  if (report.isPending) return <FullPageLoading />;
  if (report.isError)
    return isNotFound(report.error) ? <NotFoundPage /> : <ErrorAlert error={report.error} />;
  const { title, from, to, savedAt, savedBy } = report.data;
  const units = new Map(report.data.figures.map((f) => [f.id, f.unit]));
  const figures = report.data.figures.map((f) => ({ ...f, unit: displayUnit(f, (id) => units.get(id)) }));
  return (
    <div className="report">
      <p className="breadcrumb no-print">
        <Link to={`/reports?from=${from}&to=${to}`}>{t('saved.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="report__meta">
        {t('saved.meta', {
          from: formatDay(from, locale),
          to: formatDay(to, locale),
          at: formatDateTime(savedAt, locale),
          by: savedBy.name,
        })}
      </p>
      <p className="muted">{t('saved.asSent')}</p>
      <ReportActions from={from} to={to} figures={figures} />
      <ChangesPanel reportId={id} />
      <FigureList figures={figures} />
    </div>
  );
}
