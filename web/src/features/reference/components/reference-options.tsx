import type { ReferenceItem } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';

interface ReferenceOptionsProps {
  items: readonly ReferenceItem[] | undefined;
  /** The current value, kept on offer even if its item was retired since. */
  current?: string;
  valueKey?: 'id' | 'code';
}

/** The `<option>`s of a select fed by a reference list, in the user's language. */
export function ReferenceOptions({ items, current, valueKey = 'id' }: ReferenceOptionsProps) {
  const { t } = useTranslation('reference');
  const locale = useLocale();
  return (
    <>
      {(items ?? [])
        .filter((item) => !item.retired || item[valueKey] === current)
        .map((item) => {
          const label = pickLabel(item, locale);
          return (
            <option key={item.id} value={item[valueKey]}>
              {item.retired ? t('retiredLabel', { label }) : label}
            </option>
          );
        })}
    </>
  );
}
