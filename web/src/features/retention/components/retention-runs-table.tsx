import type { RetentionPolicyRun } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime, formatNumber } from '@/lib/format';

/**
 * The runs of every retention policy: which policy, when, by the schedule or by hand, what it
 * removed or blanked, and whether it failed (with its error, for whoever fixes it).
 */
export function RetentionRunsTable({ runs }: { runs: readonly RetentionPolicyRun[] }) {
  const { t } = useTranslation(['retention', 'common']);
  const locale = useLocale();
  // A policy's id (`intervision.participants`) is its path in the wording; an unknown one shows as is.
  const policyName = (id: string) => t(`policies.${id}`, { defaultValue: id });
  const countLine = (policy: string, what: string, count: number) =>
    t(`counts.${policy}.${what}`, {
      count,
      n: formatNumber(count, locale),
      defaultValue: `${what}: ${formatNumber(count, locale)}`,
    });

  if (runs.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <ResponsiveTable>
      <table className="table" data-testid="retention-runs-table">
        <caption className="visually-hidden">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.policy')}</th>
            <th scope="col">{t('table.startedAt')}</th>
            <th scope="col">{t('table.trigger')}</th>
            <th scope="col">{t('table.removed')}</th>
            <th scope="col">{t('table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const counts = Object.entries(run.counts);
            return (
              <tr key={run.id}>
                <th scope="row">{policyName(run.policy)}</th>
                <td className="nowrap">{formatDateTime(run.startedAt, locale)}</td>
                <td>{t(`triggers.${run.trigger}`)}</td>
                <td>
                  {counts.length === 0 ? (
                    t('common:none')
                  ) : (
                    <ul className="plain-list">
                      {counts.map(([what, count]) => (
                        <li key={what}>{countLine(run.policy, what, count)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {run.error === null ? (
                    t('status.done')
                  ) : (
                    <>
                      <strong>{t('status.failed')}</strong>
                      <br />
                      <span className="muted">{run.error}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
