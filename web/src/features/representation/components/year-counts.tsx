import type { RepresentationMeetingList } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';

/** Meetings per calendar year over the whole log: the activity report's figure. */
export function YearCounts({ byYear }: { byYear: RepresentationMeetingList['byYear'] }) {
  const { t } = useTranslation('representation');
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="by-year-title">
      <h2 id="by-year-title">{t('byYear.title')}</h2>
      {byYear.length === 0 ? (
        <p className="muted">{t('byYear.empty')}</p>
      ) : (
        <dl className="facts facts--row" data-testid="meetings-by-year">
          {byYear.map((row) => (
            <div key={row.year}>
              <dt>{row.year}</dt>
              <dd>{t('byYear.meetings', { count: row.meetings, n: formatNumber(row.meetings, locale) })}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
