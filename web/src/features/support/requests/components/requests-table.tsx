import type { SupportRequestSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDate, formatDay } from '@/lib/format';

/** Every request by its code and its person's code (never a name); cards on a phone. */
export function RequestsTable({ requests }: { requests: readonly SupportRequestSummary[] }) {
  const { t } = useTranslation('support');
  const locale = useLocale();
  return (
    <ResponsiveTable>
      <table className="table" data-testid="support-requests-table">
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.code')}</th>
            <th scope="col">{t('list.person')}</th>
            <th scope="col">{t('list.received')}</th>
            <th scope="col">{t('list.requester')}</th>
            <th scope="col">{t('list.due')}</th>
            <th scope="col">{t('list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.length === 0 && (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('list.empty')}
              </td>
            </tr>
          )}
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/support/requests/${r.id}`}>{r.code}</Link>
              </th>
              <td>{r.personCode}</td>
              <td>
                {formatDate(r.receivedAt, locale, { timeZone: 'Europe/Brussels' })}
                <span className="table__sub">{t(`channels.${r.channel}`)}</span>
              </td>
              <td>{t(`requesterKinds.${r.requesterKind}`)}</td>
              <td>
                {formatDay(r.dueOn, locale)}
                {r.firstAnswerOn && (
                  <span className="table__sub">
                    {t(r.answeredInTime ? 'board.answeredInTime' : 'board.answeredLate', {
                      day: formatDay(r.firstAnswerOn, locale),
                    })}
                  </span>
                )}
              </td>
              <td>{t(`statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
