import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Field, Fieldset } from '@/components/form-field';
import { DraftValue } from '@/lib/drafts';

/**
 * An edition's days: one date field per day, one more added on demand, any but the first taken
 * away. The API sorts them; an empty field is left out when sending. The whole list is kept in
 * the form's draft, so a restored draft brings back every day, not only the first.
 */
export function DaysInput({
  days,
  onChange,
  error,
}: {
  days: string[];
  onChange: (days: string[]) => void;
  error?: FieldErrorCode | null;
}) {
  const { t } = useTranslation('trainings');
  return (
    <Fieldset legend={t('days.legend')} error={error ?? null}>
      <DraftValue value={days} onRestore={(kept) => onChange(kept && kept.length > 0 ? [...kept] : [''])} />
      <ul className="plain-list">
        {days.map((day, i) => (
          <li key={i} className="training-day">
            <Field label={t('days.day', { n: i + 1 })}>
              <input
                name={`day-${i}`}
                type="date"
                required={i === 0}
                value={day}
                onChange={(e) => onChange(days.map((d, j) => (j === i ? e.target.value : d)))}
              />
            </Field>
            {i > 0 && (
              <button
                type="button"
                aria-label={t('days.removeFor', { n: i + 1 })}
                onClick={() => onChange(days.filter((_, j) => j !== i))}
              >
                {t('days.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {days.length < 30 && (
        <button type="button" onClick={() => onChange([...days, ''])}>
          {t('days.add')}
        </button>
      )}
    </Fieldset>
  );
}

/** The days filled in, once each. */
export const daysToSend = (days: readonly string[]) => [...new Set(days.filter(Boolean))].sort();
