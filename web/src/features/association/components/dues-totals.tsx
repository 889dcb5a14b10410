import type { DuesList } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatNumber } from '@/lib/format';

/** The year's figures, whatever the status filter: what the accountant reconciles. */
export function DuesTotals({ totals, year }: { totals: DuesList['totals']; year: number }) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const items = [
    ['due', formatAmount(totals.due, locale)],
    ['paid', formatAmount(totals.paid, locale)],
    ['outstanding', formatAmount(totals.outstanding, locale)],
    ['unpaidCount', formatNumber(totals.unpaidCount, locale)],
  ] as const;
  return (
    <section className="panel" aria-labelledby="dues-totals-title">
      <h2 id="dues-totals-title">{t('dues.totals.title', { year })}</h2>
      <dl className="facts facts--row" data-testid="dues-totals">
        {items.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`dues.totals.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
