import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useFigureBreakdown } from '@/features/figures';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';

/** The whole log: the figure over every day the form accepts. */
const WHOLE_LOG = { from: '1900-01-01', to: '2999-12-31' };

/** Meetings per calendar year over the whole log: the figure engine's count, by year. */
export function YearCounts() {
  const { t } = useTranslation('representation');
  const locale = useLocale();
  const byYear = useFigureBreakdown('connect.representation.meetings', 'year', WHOLE_LOG);
  if (byYear.isError) return <ErrorAlert error={byYear.error} />;
  if (!byYear.data) return null;
  // Newest year first.
  const rows = [...byYear.data.rows].sort((a, b) => b.key.localeCompare(a.key));
  return (
    <section className="panel" aria-labelledby="by-year-title">
      <h2 id="by-year-title">{t('byYear.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('byYear.empty')}</p>
      ) : (
        <dl className="facts facts--row" data-testid="meetings-by-year">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.key}</dt>
              <dd>{t('byYear.meetings', { count: row.value, n: formatNumber(row.value, locale) })}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
