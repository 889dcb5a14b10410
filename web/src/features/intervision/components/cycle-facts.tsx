import type { Cycle } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';

export function CycleFacts({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const items = [
    [
      'period',
      t('cycle.periodValue', {
        from: formatDay(cycle.startsOn, locale),
        to: formatDay(cycle.endsOn, locale),
      }),
    ],
    ['memberFee', formatAmount(cycle.memberFee, locale)],
    ['nonMemberFee', formatAmount(cycle.nonMemberFee, locale)],
  ] as const;
  return (
    <dl className="facts facts--row" data-testid="cycle-facts">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`cycle.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
