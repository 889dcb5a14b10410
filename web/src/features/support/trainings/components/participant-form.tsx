import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  organisationName,
  type OrganisationRef,
  type PersonSummary,
  type TrainingParticipant,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Fieldset } from '@/components/form-field';
import { OrganisationPicker, PersonPicker } from '@/features/directory';
import { useClientId } from '@/hooks/use-client-id';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { useAddTrainingParticipant } from '../api/trainings';

const OTHER = 'other';

/**
 * A participant: a person of the directory and the organisation they come for (theirs offered
 * first), whose sectors of today the API keeps with them. Registered today (Brussels).
 */
export function ParticipantForm({
  editionId,
  onSaved,
  onCancel,
}: {
  editionId: string;
  onSaved: (participant: TrainingParticipant) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['trainings', 'errors']);
  const locale = useLocale();
  const add = useAddTrainingParticipant();
  const clientId = useClientId();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [choice, setChoice] = useState<string>(OTHER);
  const [other, setOther] = useState<OrganisationRef | null>(null);
  const [missing, setMissing] = useState<{ person?: boolean; organisation?: boolean }>({});
  const offered = person?.organisations ?? [];
  const organisation = choice === OTHER ? other : (offered.find((o) => o.id === choice) ?? null);
  const fieldError = (field: string) => (isApiError(add.error) ? add.error.fieldError(field) : null);
  // The API's refusals of the whole registration, said in words (not under a field).
  const refusal =
    fieldError('personId') === 'taken'
      ? t('participants.add.taken')
      : fieldError('editionId') === 'editionFull'
        ? t('errors:fieldErrors.editionFull')
        : fieldError('personId') === 'notAllowed'
          ? t('participants.add.countedOnly')
          : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing({ person: !person, organisation: !organisation });
    if (!person || !organisation) return;
    add.mutate(
      { editionId, body: { id: clientId.id, personId: person.id, organisationId: organisation.id } },
      { onSuccess: onSaved },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'training-participant', recordId: editionId }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('participants.add.title')}
    >
      {clientId.field}
      {refusal ? (
        <p className="alert alert--error form__wide" role="alert">
          {refusal}
        </p>
      ) : (
        <ErrorAlert error={add.error} />
      )}
      <div className="form__wide">
        <PersonPicker
          label={t('participants.add.person')}
          value={person}
          error={missing.person ? 'required' : refusal ? null : fieldError('personId')}
          onChange={(value) => {
            setPerson(value);
            setChoice(value?.organisations[0]?.id ?? OTHER);
            setMissing({});
            add.reset();
          }}
        />
      </div>
      {offered.length > 0 && (
        <Fieldset
          legend={t('participants.add.organisation')}
          error={missing.organisation ? 'required' : null}
        >
          {[...offered, { id: OTHER, nameFr: null, nameNl: null }].map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type="radio"
                name="organisationChoice"
                value={o.id}
                checked={choice === o.id}
                onChange={() => setChoice(o.id)}
              />
              {o.id === OTHER ? t('participants.add.otherOrganisation') : organisationName(o, locale)}
            </label>
          ))}
        </Fieldset>
      )}
      {choice === OTHER && (
        <div className="form__wide">
          <OrganisationPicker
            label={
              offered.length > 0
                ? t('participants.add.otherOrganisation')
                : t('participants.add.organisation')
            }
            value={other}
            onChange={(value) => {
              setOther(value);
              setMissing({});
            }}
            error={missing.organisation ? 'required' : fieldError('organisationId')}
          />
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={add.isPending}>
          {t('participants.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
