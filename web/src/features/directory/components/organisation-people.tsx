import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useCurrentUser } from '@/hooks/use-session';
import { usePeople } from '../api/get-people';
import { personName } from './person-name';

const PAGE_SIZE = 20;

/** Who works there now (`GET /api/people?organisationId=`); only for roles that see people. */
export function OrganisationPeople({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('directory');
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const people = usePeople({ organisationId, page, pageSize: PAGE_SIZE });

  return (
    <section className="panel" aria-labelledby="org-people-title">
      <div className="panel__header">
        <h2 id="org-people-title">{t('organisation.detail.people')}</h2>
        {can(user, 'people', 'create') && (
          <Link
            className="button button--small"
            to={`/directory/people/new?organisationId=${organisationId}`}
          >
            {t('organisation.detail.addPerson')}
          </Link>
        )}
      </div>
      {people.isPending ? (
        <FullPageLoading />
      ) : people.isError ? (
        <ErrorAlert error={people.error} />
      ) : people.data.total === 0 ? (
        <p className="muted">{t('organisation.detail.peopleEmpty')}</p>
      ) : (
        <>
          <ul className="link-list" data-testid="organisation-people">
            {people.data.items.map((person) => (
              <li key={person.id}>
                <Link to={`/directory/people/${person.id}`}>{personName(person)}</Link>
                {person.email && <span className="muted"> · {person.email}</span>}
              </li>
            ))}
          </ul>
          {people.data.total > PAGE_SIZE && (
            <Pagination
              page={people.data.page}
              pageSize={people.data.pageSize}
              total={people.data.total}
              onPageChange={setPage}
            />
          )}
        </>
      )}
    </section>
  );
}
