import type { SupportRequest, SupportStatus } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime } from '@/lib/format';
import { usePersonRequests } from '../api/request';

interface Row {
  id: string;
  code: string;
  receivedAt: string;
  status: SupportStatus;
}

function RequestsTable({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  return (
    <ResponsiveTable>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('related.table.code')}</th>
            <th scope="col">{t('related.table.received')}</th>
            <th scope="col">{t('related.table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/support/requests/${r.id}`} className="mono">
                  {r.code}
                </Link>
              </th>
              <td>{formatDateTime(r.receivedAt, locale, { timeZone: 'Europe/Brussels' })}</td>
              <td>{t(`statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}

/** The same requester's earlier requests (a professional's, by their directory record). */
export function EarlierRequests({ request }: { request: SupportRequest }) {
  const { t } = useTranslation('support-follow-up');
  return (
    <section className="panel" aria-labelledby="earlier-title">
      <h2 id="earlier-title">{t('related.earlier')}</h2>
      {request.earlierRequests.length ? (
        <RequestsTable rows={request.earlierRequests} testId="earlier-requests" />
      ) : (
        <p className="muted">{t('related.earlierNone')}</p>
      )}
    </section>
  );
}

/** The other requests about the same person concerned, found by their code. */
export function SamePersonRequests({ request }: { request: SupportRequest }) {
  const { t } = useTranslation('support-follow-up');
  const list = usePersonRequests(request.person.id);
  const rows = (list.data?.items ?? []).filter((r) => r.id !== request.id);
  return (
    <section className="panel" aria-labelledby="same-person-title" aria-busy={list.isPending}>
      <h2 id="same-person-title">{t('related.samePerson', { code: request.person.code })}</h2>
      <ErrorAlert error={list.error} />
      {list.isSuccess &&
        (rows.length ? (
          <RequestsTable rows={rows} testId="same-person-requests" />
        ) : (
          <p className="muted">{t('related.samePersonNone')}</p>
        ))}
    </section>
  );
}
