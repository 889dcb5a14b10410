import { useState } from 'react';
import type { FieldErrorCode, PersonRef } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@/components/form-field';
import { personName, PersonPicker } from '@/features/directory';
import { DraftValue } from '@/lib/drafts';

/** An API error on `attendeeIds/<i>`, with the person it names when the index is known. */
export interface AttendeeError {
  personId: string | null;
  code: FieldErrorCode;
}

interface AttendeesPickerProps {
  value: readonly PersonRef[];
  onChange: (people: PersonRef[]) => void;
  errors?: readonly AttendeeError[];
}

/** Who went: people from the directory, added one search at a time. */
export function AttendeesPicker({ value, onChange, errors = [] }: AttendeesPickerProps) {
  const { t } = useTranslation(['representation', 'errors']);
  // A new picker after each pick, so its search starts empty again.
  const [round, setRound] = useState(0);
  // An error about someone taken off the list since is no longer true.
  const shown = errors.filter((e) => e.personId === null || value.some((p) => p.id === e.personId));
  const errorOf = (personId: string) => shown.find((e) => e.personId === personId)?.code;
  return (
    <Fieldset
      legend={t('representation:form.attendees')}
      hint={t('representation:form.attendeesHint')}
      error={shown[0]?.code ?? null}
    >
      {/* The list lives in React state only: a draft keeps it here. */}
      <DraftValue value={value} onRestore={(kept) => onChange([...(kept ?? [])])} />
      {value.length > 0 && (
        <ul className="chip-list" aria-label={t('representation:form.chosen')}>
          {value.map((person) => {
            const code = errorOf(person.id);
            return (
              <li key={person.id} className={code ? 'chip chip--invalid' : 'chip'}>
                {personName(person)}
                {code && <span className="visually-hidden">{` : ${t(`errors:fieldErrors.${code}`)}`}</span>}
                <button
                  type="button"
                  className="button--small"
                  aria-label={t('representation:form.removeAttendee', { name: personName(person) })}
                  onClick={() => onChange(value.filter((p) => p.id !== person.id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <PersonPicker
        key={round}
        label={t('representation:form.addAttendee')}
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
