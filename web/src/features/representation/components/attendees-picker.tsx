import { useState } from 'react';
import type { PersonRef } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@/components/form-field';
import { PersonPicker } from '@/features/directory/components/person-picker';
import { personName } from '@/features/directory/components/person-name';

interface AttendeesPickerProps {
  value: readonly PersonRef[];
  onChange: (people: PersonRef[]) => void;
}

/** Who went: people from the directory, added one search at a time. */
export function AttendeesPicker({ value, onChange }: AttendeesPickerProps) {
  const { t } = useTranslation('representation');
  // A new picker after each pick, so its search starts empty again.
  const [round, setRound] = useState(0);
  return (
    <Fieldset legend={t('form.attendees')} hint={t('form.attendeesHint')}>
      {value.length > 0 && (
        <ul className="chip-list" aria-label={t('form.chosen')}>
          {value.map((person) => (
            <li key={person.id} className="chip">
              {personName(person)}
              <button
                type="button"
                className="button--small"
                aria-label={t('form.removeAttendee', { name: personName(person) })}
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonPicker
        key={round}
        label={t('form.addAttendee')}
        value={null}
        onChange={(person) => {
          if (!person) return;
          if (!value.some((p) => p.id === person.id)) {
            onChange([...value, { id: person.id, firstName: person.firstName, lastName: person.lastName }]);
          }
          setRound(round + 1);
        }}
      />
    </Fieldset>
  );
}
