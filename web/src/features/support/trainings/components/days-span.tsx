import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';

/** One day, or the first and last with how many days. */
export function DaysSpan({ days }: { days: readonly string[] }) {
  const { t } = useTranslation('trainings');
  const locale = useLocale();
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return <>—</>;
  if (days.length === 1) return <span className="nowrap">{formatDay(first, locale)}</span>;
  return (
    <>
      <span className="nowrap">{formatDay(first, locale)}</span> –{' '}
      <span className="nowrap">{formatDay(last, locale)}</span>
      <span className="table__sub">{t('editions.dayCount', { count: days.length, n: days.length })}</span>
    </>
  );
}
