import { organisationName, type PersonSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { personName } from './person-name';
import { ResponsiveTable } from '@/components/responsive-table';

export function PeopleTable({ people }: { people: readonly PersonSummary[] }) {
  const { t } = useTranslation(['directory', 'common']);
  const locale = useLocale();

  return (
    <ResponsiveTable>
      <table className="table" data-testid="people-table">
        <caption className="visually-hidden">{t('directory:people.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory:people.table.name')}</th>
            <th scope="col">{t('directory:people.table.email')}</th>
            <th scope="col">{t('directory:people.table.organisations')}</th>
          </tr>
        </thead>
        <tbody>
          {people.length === 0 && (
            <tr>
              <td colSpan={3} className="table__empty">
                {t('directory:people.table.empty')}
              </td>
            </tr>
          )}
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link to={`/directory/people/${person.id}`}>
                  {personName(person).trim() || t('directory:rights.erased.title')}
                </Link>
              </th>
              <td>{person.email ?? t('common:none')}</td>
              <td>
                {person.organisations.length === 0
                  ? t('common:none')
                  : person.organisations.map((org, i) => (
                      <span key={org.id}>
                        {i > 0 && ', '}
                        <Link to={`/directory/organisations/${org.id}`}>{organisationName(org, locale)}</Link>
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
