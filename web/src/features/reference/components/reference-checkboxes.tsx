import type { FieldErrorCode, ReferenceItem } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';

interface ReferenceCheckboxesProps {
  legend: string;
  hint?: string;
  name: string;
  items: readonly ReferenceItem[];
  /** Ids, or codes with `valueKey="code"` (organisation languages are stored as codes). */
  selected: readonly string[];
  valueKey?: 'id' | 'code';
  onChange: (selected: string[]) => void;
  error?: FieldErrorCode | null;
}

/**
 * One checkbox per active item, labels in the user's language. A retired item stays (marked)
 * while the record still has it, so saving does not silently drop it.
 */
export function ReferenceCheckboxes(props: ReferenceCheckboxesProps) {
  const { legend, hint, name, items, selected, valueKey = 'id', onChange, error } = props;
  const { t } = useTranslation('reference');
  const locale = useLocale();
  const shown = items.filter((item) => !item.retired || selected.includes(item[valueKey]));

  const toggle = (value: string, checked: boolean) =>
    onChange(
      checked
        ? shown.map((i) => i[valueKey]).filter((v) => v === value || selected.includes(v))
        : selected.filter((v) => v !== value),
    );

  return (
    <Fieldset legend={legend} hint={hint} error={error}>
      {shown.map((item) => {
        const label = pickLabel(item, locale);
        return (
          <label key={item.id} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={item[valueKey]}
              checked={selected.includes(item[valueKey])}
              onChange={(e) => toggle(item[valueKey], e.target.checked)}
            />
            {item.retired ? t('retiredLabel', { label }) : label}
          </label>
        );
      })}
    </Fieldset>
  );
}
