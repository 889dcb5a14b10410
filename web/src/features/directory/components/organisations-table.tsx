import { organisationName, type OrganisationSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { otherOrganisationName, pickLabel } from '@/lib/bilingual';
import { ResponsiveTable } from '@/components/responsive-table';

export function OrganisationsTable({ organisations }: { organisations: readonly OrganisationSummary[] }) {
  const { t } = useTranslation(['directory', 'common']);
  const locale = useLocale();

  return (
    <ResponsiveTable>
      <table className="table" data-testid="organisations-table">
        <caption className="visually-hidden">{t('directory:organisations.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory:organisations.table.name')}</th>
            <th scope="col">{t('directory:organisations.table.commune')}</th>
            <th scope="col">{t('directory:organisations.table.sectors')}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.length === 0 && (
            <tr>
              <td colSpan={3} className="table__empty">
                {t('directory:organisations.table.empty')}
              </td>
            </tr>
          )}
          {organisations.map((org) => {
            const other = otherOrganisationName(org, locale);
            return (
              <tr key={org.id} className={org.closedOn ? 'is-disabled' : undefined}>
                <th scope="row">
                  <Link to={`/directory/organisations/${org.id}`}>{organisationName(org, locale)}</Link>
                  {other && <span className="table__sub">{other}</span>}
                  {org.closedOn && (
                    <>
                      {' '}
                      <span className="badge badge--muted">{t('directory:organisations.table.closed')}</span>
                    </>
                  )}
                </th>
                <td>{org.commune ? pickLabel(org.commune, locale) : t('common:none')}</td>
                <td>
                  {org.sectors.length
                    ? org.sectors.map((s) => pickLabel(s, locale)).join(', ')
                    : t('common:none')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
