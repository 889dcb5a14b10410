import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime, formatDay, formatNumber } from '@/lib/format';
import { useRetentionRuns } from '../api/get-retention-runs';
import { useRunRetention } from '../api/run-retention';
import { ResponsiveTable } from '@/components/responsive-table';

/**
 * Intervision data is kept until the end of the yearly cycle (Smes' promise): a scheduled job
 * removes the participants of ended cycles. Here: what each pass removed, and a pass on demand.
 */
export function RetentionPanel() {
  const { t } = useTranslation(['intervision', 'common']);
  const locale = useLocale();
  const runs = useRetentionRuns();
  const run = useRunRetention();
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="panel" aria-labelledby="retention-title" data-testid="retention-panel">
      <div className="panel__header">
        <h2 id="retention-title">{t('retention.title')}</h2>
        <button type="button" onClick={() => setConfirming(true)} disabled={run.isPending}>
          {t('retention.run')}
        </button>
      </div>
      <p className="muted">{t('retention.intro')}</p>
      <div aria-live="polite" role="status" className="feedback">
        {run.data && (
          <p className="alert alert--success">
            {t('retention.done', {
              count: run.data.removed,
              n: formatNumber(run.data.removed, locale),
            })}
          </p>
        )}
      </div>
      <ErrorAlert error={run.error ?? runs.error} />
      {runs.data &&
        (runs.data.items.length === 0 ? (
          <p className="muted">{t('retention.empty')}</p>
        ) : (
          <ResponsiveTable>
            <table className="table">
              <caption className="visually-hidden">{t('retention.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.table.ranAt')}</th>
                  <th scope="col">{t('retention.table.trigger')}</th>
                  <th scope="col">{t('retention.table.cutoff')}</th>
                  <th scope="col">{t('retention.table.cycles')}</th>
                  <th scope="col" className="numeric">
                    {t('retention.table.removed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...runs.data.items]
                  .sort((a, b) => b.ranAt.localeCompare(a.ranAt))
                  .map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="nowrap">
                        {formatDateTime(item.ranAt, locale)}
                      </th>
                      <td>{t(`retention.triggers.${item.trigger}`)}</td>
                      <td>{formatDay(item.cutoff, locale)}</td>
                      <td>
                        {item.cycles.length === 0 ? (
                          t('common:none')
                        ) : (
                          <ul className="plain-list">
                            {item.cycles.map((c) => (
                              <li key={c.cycleId}>
                                {t('retention.cycleLine', {
                                  name: c.name,
                                  count: c.registrations,
                                  n: formatNumber(c.registrations, locale),
                                })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="numeric">{formatNumber(item.removed, locale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ResponsiveTable>
        ))}
      <ConfirmDialog
        open={confirming}
        title={t('retention.confirmTitle')}
        confirmLabel={t('retention.confirm')}
        cancelLabel={t('cancel')}
        busy={run.isPending}
        onConfirm={() => run.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('retention.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
