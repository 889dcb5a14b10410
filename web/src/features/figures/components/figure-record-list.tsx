import { recordPath } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';
import { RECORDS_PAGE_SIZE, useFigureRecords } from '../api/get-figures';
import type { FigureScope } from '../api/keys';
import { recordLabel } from './record-label';

interface FigureRecordListProps {
  figureId: string;
  scope: FigureScope;
  /** Fetch only once shown: a closed figure costs nothing. */
  enabled: boolean;
  /** Only the records in one row of a breakdown (a sector). */
  breakdown?: { dimension: string; key: string };
}

/**
 * The records behind a figure, a page at a time, in the API's order (one order across pages), each
 * opening where the registry of kinds says.
 */
export function FigureRecordList({ figureId, scope, enabled, breakdown }: FigureRecordListProps) {
  const { t } = useTranslation('figures');
  const locale = useLocale();
  const records = useFigureRecords(figureId, scope, { enabled, ...(breakdown ? { breakdown } : {}) });
  if (!enabled) return null;
  if (records.isPending) return <p className="muted">{t('records.loading')}</p>;
  if (records.isError) return <ErrorAlert error={records.error} />;
  const items = records.data.pages.flatMap((p) => p.items);
  const total = records.data.pages[0]?.total ?? 0;
  if (items.length === 0) return <p className="muted">{t('records.none')}</p>;
  const removed = t('records.removed');
  return (
    <>
      <ul className="figure__records">
        {items.map((item, index) => {
          const to = recordPath(item.kind, { id: item.id, parentId: item.parentId ?? null });
          const label = recordLabel(item, locale, removed);
          return (
            <li key={`${index}-${item.kind}-${item.id}`}>{to ? <Link to={to}>{label}</Link> : label}</li>
          );
        })}
      </ul>
      {records.hasNextPage && (
        <p>
          <span className="muted">
            {t('records.shown', {
              shown: formatNumber(items.length, locale),
              total: formatNumber(total, locale),
            })}
          </span>{' '}
          <button
            type="button"
            className="button--small"
            disabled={records.isFetchingNextPage}
            onClick={() => void records.fetchNextPage()}
          >
            {t('records.more', { count: Math.min(RECORDS_PAGE_SIZE, total - items.length) })}
          </button>
        </p>
      )}
    </>
  );
}
