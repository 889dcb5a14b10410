import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useFigureValues } from '@/features/figures';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatNumber } from '@/lib/format';

const FIGURES = [
  ['due', 'association.dues.due'],
  ['paid', 'association.dues.paid'],
  ['outstanding', 'association.dues.outstanding'],
  ['unpaidCount', 'association.dues.unpaid'],
] as const;

/** The year's figures (the engine's, for that calendar year), whatever the status filter: what the accountant reconciles. */
export function DuesTotals({ year }: { year: number }) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const values = useFigureValues(
    { from: `${year}-01-01`, to: `${year}-12-31` },
    FIGURES.map(([, id]) => id),
  );
  const value = (id: string) => values.data?.values.find((v) => v.id === id)?.value ?? 0;
  return (
    <section className="panel" aria-labelledby="dues-totals-title">
      <h2 id="dues-totals-title">{t('dues.totals.title', { year })}</h2>
      {values.isError && <ErrorAlert error={values.error} />}
      {values.data && (
        <dl className="facts facts--row" data-testid="dues-totals">
          {FIGURES.map(([key, id]) => (
            <div key={key}>
              <dt>{t(`dues.totals.${key}`)}</dt>
              <dd>
                {key === 'unpaidCount'
                  ? formatNumber(value(id), locale)
                  : formatAmount(value(id).toFixed(2), locale)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
