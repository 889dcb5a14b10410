import { type Locale, type Period, recordPath } from '@smes/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { useLocale } from '@/hooks/use-locale';
import { formatDate, formatDay } from '@/lib/format';
import { RECORDS_PAGE_SIZE, useFigureRecords } from '../api/get-figures';
import type { FigureRecord } from '../api/types';

/** A record's name in the user's language; null when retention removed it. */
export function recordName(record: FigureRecord, locale: Locale): string | null {
  const { name } = record;
  if (name === null || name === undefined) return null;
  if (typeof name === 'string') return name;
  return name[locale] ?? name.fr ?? name.nl ?? null;
}

/** Names in the user's alphabetical order, then by date (a group's sessions); removed records (no name) last. */
export function sortRecords(records: readonly FigureRecord[], locale: Locale): FigureRecord[] {
  return [...records].sort((a, b) => {
    const x = recordName(a, locale);
    const y = recordName(b, locale);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x.localeCompare(y, locale, { sensitivity: 'base' }) || (a.date ?? '').localeCompare(b.date ?? '');
  });
}

const formatWhen = (date: string, locale: Locale) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDay(date, locale) : formatDate(date, locale);

/** The records behind a figure, a page at a time, read as the caller (the API applies their scope). */
export function FigureRecords({
  figureId,
  label,
  period,
}: {
  figureId: string;
  label: string;
  period: Period;
}) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const records = useFigureRecords(figureId, period, page);
  if (records.isPending) return <p className="muted">{t('records.loading')}</p>;
  if (records.isError) return <ErrorAlert error={records.error} />;
  const { items, total, pageSize } = records.data;
  return (
    <section className="figure-records" aria-label={t('figures.recordsOf', { figure: label })}>
      {items.length === 0 ? (
        <p className="muted">{t('records.none')}</p>
      ) : (
        <ul className="figure-records__list" aria-busy={records.isPlaceholderData || undefined}>
          {sortRecords(items, locale).map((record, index) => {
            const name = recordName(record, locale);
            const to =
              name === null ? null : recordPath(record.kind, { id: record.id, parentId: record.parentId });
            return (
              <li key={`${index}-${record.kind}-${record.id}`}>
                {name === null ? (
                  <span className="muted">{t('records.removed')}</span>
                ) : to ? (
                  <Link to={to}>{name}</Link>
                ) : (
                  <span>{name}</span>
                )}
                {record.date && (
                  <span className="figure-records__date"> · {formatWhen(record.date, locale)}</span>
                )}
                {record.organisation && (
                  <span className="figure-records__date">
                    {' '}
                    ·{' '}
                    {record.organisation.name[locale] ??
                      record.organisation.name.fr ??
                      record.organisation.name.nl}
                  </span>
                )}
                {record.detail && <span className="figure-records__date"> · {record.detail}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {total > (pageSize || RECORDS_PAGE_SIZE) && (
        <Pagination page={page} pageSize={pageSize} total={total} onPageChange={setPage} />
      )}
    </section>
  );
}
