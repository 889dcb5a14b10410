import { can } from '@smes/shared';
import type { PersonListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { usePeople } from '../api/get-people';
import { PeopleFilters } from '../components/people-filters';
import { PeopleTable } from '../components/people-table';

const PAGE_SIZE = 25;

function readQuery(params: URLSearchParams): PersonListQuery {
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.slice(0, 200) || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: PersonListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.q) out.q = query.q;
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

export function PeoplePage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('people.title'));
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const people = usePeople(query);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('people.title')}</h1>
          <p className="muted">{t('people.intro')}</p>
        </div>
        {can(user, 'people', 'create') && (
          <Link className="button button--primary" to="/directory/people/new">
            {t('people.new')}
          </Link>
        )}
      </div>

      <PeopleFilters
        q={query.q}
        onChange={(q) => setParams(writeQuery({ ...query, q, page: 1 }), { replace: true })}
      />

      {people.isPending ? (
        <FullPageLoading />
      ) : people.isError ? (
        <ErrorAlert error={people.error} />
      ) : (
        <div aria-busy={people.isPlaceholderData}>
          <PeopleTable people={people.data.items} />
          <Pagination
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
          />
        </div>
      )}
    </>
  );
}
