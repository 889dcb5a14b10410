import type { Group } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';
import { facilitatorNames, groupWhen } from './group-labels';
import { GroupWarnings } from './group-warnings';
import { ResponsiveTable } from '@/components/responsive-table';

/** The cycle's groups, by language then weekday and hour: how the newsletter lists them. */
export function GroupsTable({ groups }: { groups: readonly Group[] }) {
  const { t } = useTranslation(['intervision', 'common']);
  const locale = useLocale();
  if (groups.length === 0) return <p className="muted table__empty">{t('intervision:groups.empty')}</p>;
  const sorted = [...groups].sort(
    (a, b) =>
      a.language.localeCompare(b.language) ||
      a.weekday - b.weekday ||
      a.startTime.localeCompare(b.startTime) ||
      a.name.localeCompare(b.name),
  );
  return (
    <ResponsiveTable>
      <table className="table" data-testid="groups-table">
        <caption className="visually-hidden">{t('intervision:groups.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intervision:groups.table.name')}</th>
            <th scope="col">{t('intervision:groups.table.kind')}</th>
            <th scope="col">{t('intervision:groups.table.language')}</th>
            <th scope="col">{t('intervision:groups.table.when')}</th>
            <th scope="col" className="numeric">
              {t('intervision:groups.table.capacity')}
            </th>
            <th scope="col">{t('intervision:groups.table.registrations')}</th>
            <th scope="col">{t('intervision:groups.table.facilitators')}</th>
            <th scope="col">{t('intervision:groups.table.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((group) => (
            <tr key={group.id}>
              <th scope="row">
                <Link to={`/intervision/groups/${group.id}`}>{group.name}</Link>
              </th>
              <td>{t(`intervision:kinds.${group.kind}`)}</td>
              <td>{t(`intervision:languages.${group.language}`)}</td>
              <td className="nowrap">{groupWhen(group, locale)}</td>
              <td className="numeric">{formatNumber(group.capacity, locale)}</td>
              <td>
                {t('intervision:groups.counts', {
                  registered: formatNumber(group.registered, locale),
                  waiting: formatNumber(group.waiting, locale),
                })}
              </td>
              <td>{facilitatorNames(group) || t('common:none')}</td>
              <td>
                {group.warnings.length ? (
                  <GroupWarnings warnings={group.warnings} compact />
                ) : (
                  t('common:none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
