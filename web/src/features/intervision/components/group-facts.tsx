import type { Group } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';
import { facilitatorNames, groupWhen } from './group-labels';

export function GroupFacts({ group }: { group: Group }) {
  const { t } = useTranslation(['intervision', 'common']);
  const locale = useLocale();
  const items = [
    ['kind', t(`intervision:kinds.${group.kind}`)],
    ['language', t(`intervision:languages.${group.language}`)],
    ['when', groupWhen(group, locale)],
    ['capacity', formatNumber(group.capacity, locale)],
    [
      'registrations',
      t('intervision:groups.counts', {
        registered: formatNumber(group.registered, locale),
        waiting: formatNumber(group.waiting, locale),
      }),
    ],
    ['facilitators', facilitatorNames(group) || t('common:none')],
  ] as const;
  return (
    <dl className="facts facts--row" data-testid="group-facts">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`intervision:groups.table.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
