import { can, SUPPORT_DUE_BUCKETS, SUPPORT_STATUSES } from '@smes/shared';
import type { SupportRequestQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { useBoard } from '../api/get-board';
import { useRequests } from '../api/get-requests';
import { DueBoard } from '../components/due-board';
import { RequestFilters } from '../components/request-filters';
import { RequestsTable } from '../components/requests-table';

const PAGE_SIZE = 25;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

function readQuery(params: URLSearchParams): SupportRequestQuery {
  const page = Number(params.get('page'));
  return {
    status: oneOf(SUPPORT_STATUSES, params.get('status')),
    due: oneOf(SUPPORT_DUE_BUCKETS, params.get('due')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: SupportRequestQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.status) out.status = query.status;
  if (query.due) out.due = query.due;
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

/** The due board first (what the week's promise asks today), then every request, filtered. */
export function RequestsPage() {
  const { t } = useTranslation('support');
  useDocumentTitle(t('board.title'));
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const board = useBoard();
  const list = useRequests(query);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('board.title')}</h1>
          <p className="muted">{t('board.intro')}</p>
        </div>
        {can(user, 'support', 'create') && (
          <Link className="button button--primary" to="/support/requests/new">
            {t('board.new')}
          </Link>
        )}
      </div>

      {board.isPending ? (
        <FullPageLoading />
      ) : board.isError ? (
        <ErrorAlert error={board.error} />
      ) : (
        <DueBoard board={board.data} />
      )}

      <section aria-labelledby="support-all">
        <h2 id="support-all">{t('list.title')}</h2>
        <RequestFilters
          value={{ status: query.status, due: query.due }}
          onChange={(filters) => setParams(writeQuery({ ...query, ...filters, page: 1 }), { replace: true })}
        />
        {list.isPending ? (
          <FullPageLoading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : (
          <div aria-busy={list.isPlaceholderData}>
            <RequestsTable requests={list.data.items} />
            <Pagination
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
            />
          </div>
        )}
      </section>
    </>
  );
}
