import type { Cycle } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';
import { ResponsiveTable } from '@/components/responsive-table';

/** Newest season first: the one being prepared or under way is what people open. */
export function CyclesTable({ cycles }: { cycles: readonly Cycle[] }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  if (cycles.length === 0) return <p className="muted table__empty">{t('cycles.empty')}</p>;
  const sorted = [...cycles].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <ResponsiveTable>
      <table className="table" data-testid="cycles-table">
        <caption className="visually-hidden">{t('cycles.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycles.table.name')}</th>
            <th scope="col">{t('cycles.table.startsOn')}</th>
            <th scope="col">{t('cycles.table.endsOn')}</th>
            <th scope="col" className="numeric">
              {t('cycles.table.memberFee')}
            </th>
            <th scope="col" className="numeric">
              {t('cycles.table.nonMemberFee')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row">
                <Link to={`/intervision/cycles/${cycle.id}`}>{cycle.name}</Link>
              </th>
              <td>{formatDay(cycle.startsOn, locale)}</td>
              <td>{formatDay(cycle.endsOn, locale)}</td>
              <td className="numeric nowrap">{formatAmount(cycle.memberFee, locale)}</td>
              <td className="numeric nowrap">{formatAmount(cycle.nonMemberFee, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
