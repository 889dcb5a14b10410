import { RECORD_KIND_KEYS, recordPath, type FigureRecord, type Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';

/** Where a record behind a figure opens (the registry of record kinds says); a sector is just named. */
const recordLink = (record: FigureRecord) =>
  recordPath(record.kind, { id: record.id, parentId: record.groupId });

export const recordLabel = (record: FigureRecord, locale: Locale) =>
  locale === 'nl' ? record.nl : record.fr;

/**
 * Kinds in the registry's order, names in alphabetical order; sessions as the API sends them, in date order (their label
 * starts with a dd/mm/yyyy date, which sorts as text by day of the month).
 */
export function orderRecords(records: readonly FigureRecord[], locale: Locale): FigureRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => {
      if (a.record.kind !== b.record.kind)
        return RECORD_KIND_KEYS.indexOf(a.record.kind) - RECORD_KIND_KEYS.indexOf(b.record.kind);
      if (a.record.kind === 'intervision_session') return a.index - b.index;
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
