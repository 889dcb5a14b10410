import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime, formatDay } from '@/lib/format';
import { useSavedReports } from '../api/saved-reports';

/** Reports saved as sent, newest first, each opening to its reprint. */
export function SavedReportsList() {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const saved = useSavedReports(page);
  return (
    <section className="no-print" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('saved.heading')}</h2>
      {saved.isError ? (
        <ErrorAlert error={saved.error} />
      ) : saved.isPending ? null : saved.data.items.length === 0 ? (
        <p className="muted">{t('saved.none')}</p>
      ) : (
        <ResponsiveTable>
          <table className="table" data-testid="saved-reports">
            <thead>
              <tr>
                <th scope="col">{t('saved.titleColumn')}</th>
                <th scope="col">{t('saved.period')}</th>
                <th scope="col">{t('saved.savedBy')}</th>
                <th scope="col">{t('saved.savedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {saved.data.items.map((report) => (
                <tr key={report.id}>
                  <th scope="row">
                    <Link to={`/reports/${report.id}`}>{report.title}</Link>
                  </th>
                  <td>
                    {t('saved.periodValue', {
                      from: formatDay(report.from, locale),
                      to: formatDay(report.to, locale),
                    })}
                  </td>
                  <td>{report.savedBy.name}</td>
                  <td>{formatDateTime(report.savedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ResponsiveTable>
      )}
      {saved.data && saved.data.total > saved.data.pageSize && (
        <Pagination
          page={page}
          pageSize={saved.data.pageSize}
          total={saved.data.total}
          onPageChange={setPage}
        />
      )}
    </section>
  );
}
