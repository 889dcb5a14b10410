import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { useSavedReportChanges } from '../api/saved-reports';
import { formatFigureValue } from './figure-value';

/** Which figures read differently today for the same period, and by how much. */
export function ChangesPanel({ reportId }: { reportId: string }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const changes = useSavedReportChanges(reportId);
  return (
    <section
      className="report-changes no-print"
      aria-labelledby="changes-heading"
      data-testid="report-changes"
    >
      <h2 id="changes-heading">{t('changes.heading')}</h2>
      {changes.isPending ? (
        <p className="muted" role="status">
          {t('changes.checking')}
        </p>
      ) : changes.isError ? (
        <ErrorAlert error={changes.error} />
      ) : changes.data.changes.length === 0 ? (
        <p>{t('changes.none')}</p>
      ) : (
        <>
          <p>{t('changes.intro', { count: changes.data.changes.length })}</p>
          <ResponsiveTable>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('changes.figure')}</th>
                  <th scope="col">{t('changes.stored')}</th>
                  <th scope="col">{t('changes.current')}</th>
                  <th scope="col">{t('changes.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.changes.map((change) => [
                  <tr key={change.id}>
                    <th scope="row">
                      {change.label[locale]}
                      {change.currentVersion === null ? (
                        <span className="muted"> — {t('changes.gone')}</span>
                      ) : (
                        change.currentVersion !== change.storedVersion && (
                          <span className="muted">
                            {' '}
                            —{' '}
                            {t('changes.version', { from: change.storedVersion, to: change.currentVersion })}
                          </span>
                        )
                      )}
                    </th>
                    <td>{formatFigureValue(change.stored, change.unit, locale)}</td>
                    <td>{formatFigureValue(change.current, change.unit, locale)}</td>
                    <td>
                      {change.delta === null
                        ? '—'
                        : formatFigureValue(
                            change.delta,
                            change.unit === 'share' ? 'share' : 'difference',
                            locale,
                          )}
                    </td>
                  </tr>,
                  ...change.breakdowns.map((bar) => {
                    const unit = change.unit === 'money' ? 'money' : 'count';
                    const dimension = t(`dimensions.${bar.dimension}`, { defaultValue: bar.dimension });
                    return (
                      <tr key={`${change.id}-${bar.dimension}-${bar.key}`} className="report-changes__bar">
                        <th scope="row">{t('breakdownRow', { dimension, label: bar.label[locale] })}</th>
                        <td>{formatFigureValue(bar.stored, unit, locale)}</td>
                        <td>{formatFigureValue(bar.current, unit, locale)}</td>
                        <td>
                          {formatFigureValue(bar.delta, unit === 'money' ? 'money' : 'difference', locale)}
                        </td>
                      </tr>
                    );
                  }),
                ])}
              </tbody>
            </table>
          </ResponsiveTable>
        </>
      )}
    </section>
  );
}
