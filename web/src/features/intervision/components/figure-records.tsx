import type { FigureRecord, Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';

/** Where a record behind a figure opens: its group, its organisation; a sector is just named. */
function recordLink(record: FigureRecord): string | null {
  if (record.kind === 'group') return `/intervision/groups/${record.id}`;
  if (record.kind === 'organisation') return `/directory/organisations/${record.id}`;
  return record.groupId ? `/intervision/groups/${record.groupId}` : null;
}

export const recordLabel = (record: FigureRecord, locale: Locale) =>
  locale === 'nl' ? record.nl : record.fr;

/**
 * Names in alphabetical order; sessions as the API sends them, in date order (their label
 * starts with a dd/mm/yyyy date, which sorts as text by day of the month).
 */
export function orderRecords(records: readonly FigureRecord[], locale: Locale): FigureRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => {
      if (a.record.kind !== b.record.kind) return a.record.kind.localeCompare(b.record.kind);
      if (a.record.kind === 'session') return a.index - b.index;
      return recordLabel(a.record, locale).localeCompare(recordLabel(b.record, locale), locale);
    })
    .map(({ record }) => record);
}

export function FigureRecords({ records }: { records: readonly FigureRecord[] }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  if (records.length === 0) return <p className="muted">{t('figures.noRecords')}</p>;
  return (
    <ul className="figure__records">
      {orderRecords(records, locale).map((record) => {
        const to = recordLink(record);
        const label = recordLabel(record, locale);
        return <li key={`${record.kind}-${record.id}`}>{to ? <Link to={to}>{label}</Link> : label}</li>;
      })}
    </ul>
  );
}
