import { type Locale, type Period, recordPath } from '@smes/shared';
import { localName } from '@/features/figures';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { useLocale } from '@/hooks/use-locale';
import { formatDate, formatDay } from '@/lib/format';
import { RECORDS_PAGE_SIZE, useFigureRecords } from '../api/get-figures';

const formatWhen = (date: string, locale: Locale) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDay(date, locale) : formatDate(date, locale);

/**
 * The records behind a figure, a page at a time, read as the caller (the API applies their scope),
 * in the API's order: names sorted in the screen's language, one order across pages.
 */
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
  // Another language is another order: back to its first page rather than page N of it.
  const [at, setAt] = useState({ locale, page: 1 });
  const page = at.locale === locale ? at.page : 1;
  const setPage = (next: number) => setAt({ locale, page: next });
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
          {items.map((record, index) => {
            const name = localName(record.name ?? null, locale);
            const to =
              name === null ? null : recordPath(record.kind, { id: record.id, parentId: record.parentId });
            // Registrations come in the order of their organisation: it leads the line.
            const organisation = record.organisation ? localName(record.organisation.name, locale) : null;
            const organisationFirst = record.kind === 'intervision_registration' && organisation !== null;
            return (
              <li key={`${index}-${record.kind}-${record.id}`}>
                {organisationFirst && <span>{organisation} · </span>}
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
                {organisation !== null && !organisationFirst && (
                  <span className="figure-records__date"> · {organisation}</span>
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
