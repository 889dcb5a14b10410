import type { Dispatch, SetStateAction } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Field, Fieldset } from '@/components/form-field';
import { DraftValue } from '@/lib/drafts';

/**
 * An edition's days: one date field per day, one more added on demand, any but the first taken
 * away. The API sorts them; an empty field is left out when sending. The whole list is kept in
 * the form's draft, so a restored draft brings back every day, not only the first. Each change
 * is made on the latest list (an updater): a restored draft puts the list back, then writes the
 * date fields one by one before the page shows the list again, and a change made on the list
 * this render saw would drop the days it restored.
 */
export function DaysInput({
  days,
  onChange,
  error,
}: {
  days: string[];
  onChange: Dispatch<SetStateAction<string[]>>;
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
                onChange={(e) => {
                  const value = e.target.value;
                  onChange((current) => current.map((d, j) => (j === i ? value : d)));
                }}
              />
            </Field>
            {i > 0 && (
              <button
                type="button"
                aria-label={t('days.removeFor', { n: i + 1 })}
                onClick={() => onChange((current) => current.filter((_, j) => j !== i))}
              >
                {t('days.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {days.length < 30 && (
        <button type="button" onClick={() => onChange((current) => [...current, ''])}>
          {t('days.add')}
        </button>
      )}
    </Fieldset>
  );
}

/** The days filled in, once each. */
export const daysToSend = (days: readonly string[]) => [...new Set(days.filter(Boolean))].sort();
