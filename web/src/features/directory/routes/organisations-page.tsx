import { can } from '@smes/shared';
import type { OrganisationListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { useOrganisations } from '../api/get-organisations';
import { OrganisationFilters } from '../components/organisation-filters';
import type { OrganisationFilterValues } from '../components/organisation-filters';
import { OrganisationsTable } from '../components/organisations-table';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Search and filters live in the URL: a search can be reloaded, shared and navigated back to. */
function readQuery(params: URLSearchParams): OrganisationListQuery {
  const id = (key: string) => {
    const value = params.get(key);
    return value && UUID.test(value) ? value : undefined;
  };
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.slice(0, 200) || undefined,
    sectorId: id('sectorId'),
    typeId: id('typeId'),
    communeId: id('communeId'),
    includeClosed: params.get('includeClosed') === 'true' || undefined,
    member: params.get('member') === 'true' ? true : params.get('member') === 'false' ? false : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: OrganisationListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'sectorId', 'typeId', 'communeId'] as const) {
    const value = query[key];
    if (value) out[key] = value;
  }
  if (query.includeClosed) out.includeClosed = 'true';
  if (query.member !== undefined) out.member = String(query.member);
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

export function OrganisationsPage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('organisations.title'));
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const organisations = useOrganisations(query);

  // Typing replaces the history entry: Back leaves the search instead of undoing each pause.
  const onFilters = (filters: OrganisationFilterValues) =>
    setParams(writeQuery({ ...query, ...filters, page: 1 }), { replace: filters.q !== query.q });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('organisations.title')}</h1>
          <p className="muted">{t('organisations.intro')}</p>
        </div>
        {can(user, 'organisations', 'create') && (
          <Link className="button button--primary" to="/directory/organisations/new">
            {t('organisations.new')}
          </Link>
        )}
      </div>

      <OrganisationFilters value={query} onChange={onFilters} />

      {organisations.isPending ? (
        <FullPageLoading />
      ) : organisations.isError ? (
        <ErrorAlert error={organisations.error} />
      ) : (
        <div aria-busy={organisations.isPlaceholderData || organisations.isFetching}>
          <OrganisationsTable organisations={organisations.data.items} />
          <Pagination
            page={organisations.data.page}
            pageSize={organisations.data.pageSize}
            total={organisations.data.total}
            onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
          />
        </div>
      )}
    </>
  );
}
