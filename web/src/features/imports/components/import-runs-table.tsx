import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useImportRuns } from '../api/get-import-runs';
import { ResponsiveTable } from '@/components/responsive-table';

/** Every import that ran (applied or refused), newest first: who, which file, what it did. */
export function ImportRunsTable() {
  const { t } = useTranslation(['imports', 'common']);
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const runs = useImportRuns(page);

  return (
    <section className="panel" aria-labelledby="import-runs-title">
      <h2 id="import-runs-title">{t('imports:runs.title')}</h2>
      {runs.isError && <ErrorAlert error={runs.error} />}
      {runs.data &&
        (runs.data.items.length === 0 ? (
          <p className="muted">{t('imports:runs.empty')}</p>
        ) : (
          <>
            <ResponsiveTable>
              <table className="table" data-testid="import-runs">
                <caption className="visually-hidden">{t('imports:runs.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports:runs.at')}</th>
                    <th scope="col">{t('imports:runs.kind')}</th>
                    <th scope="col">{t('imports:runs.file')}</th>
                    <th scope="col">{t('imports:runs.status')}</th>
                    <th scope="col">{t('imports:runs.counts')}</th>
                    <th scope="col">{t('imports:runs.actor')}</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.data.items.map((run) => (
                    <tr key={run.id}>
                      <td className="nowrap">{formatDateTime(run.at, locale)}</td>
                      <td>{t(`imports:kinds.${run.kind}`)}</td>
                      <td>
                        {run.fileName}
                        {run.mappingName && (
                          <span className="table__sub">
                            {t('imports:runs.mapping', { name: run.mappingName })}
                          </span>
                        )}
                      </td>
                      <td>
                        <span className={run.status === 'applied' ? 'badge badge--ok' : 'badge badge--muted'}>
                          {t(`imports:runs.statuses.${run.status}`)}
                        </span>
                      </td>
                      <td>
                        {t('imports:runs.countsText', {
                          rows: formatNumber(run.counts.rows, locale),
                          created: formatNumber(run.counts.created, locale),
                          updated: formatNumber(run.counts.updated, locale),
                          rejected: formatNumber(run.counts.rejected, locale),
                        })}
                      </td>
                      <td>{run.actorEmail ?? t('common:none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ResponsiveTable>
            <Pagination
              page={runs.data.page}
              pageSize={runs.data.pageSize}
              total={runs.data.total}
              onPageChange={setPage}
            />
          </>
        ))}
    </section>
  );
}
