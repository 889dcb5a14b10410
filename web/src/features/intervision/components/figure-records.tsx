import type { FigureRecord } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';

/** Where a record behind a figure opens: its group, its organisation; a sector is just named. */
function recordLink(record: FigureRecord): string | null {
  if (record.kind === 'group') return `/intervision/groups/${record.id}`;
  if (record.kind === 'organisation') return `/directory/organisations/${record.id}`;
  return record.groupId ? `/intervision/groups/${record.groupId}` : null;
}

export function FigureRecords({ records }: { records: readonly FigureRecord[] }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  if (records.length === 0) return <p className="muted">{t('figures.noRecords')}</p>;
  const label = (r: FigureRecord) => (locale === 'nl' ? r.nl : r.fr);
  const sorted = [...records].sort((a, b) => label(a).localeCompare(label(b), locale));
  return (
    <ul className="figure__records">
      {sorted.map((record) => {
        const to = recordLink(record);
        return (
          <li key={`${record.kind}-${record.id}`}>
            {to ? <Link to={to}>{label(record)}</Link> : label(record)}
          </li>
        );
      })}
    </ul>
  );
}
