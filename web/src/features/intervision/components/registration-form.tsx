import { useState } from 'react';
import type { FormEvent } from 'react';
import { organisationName, type OrganisationRef, type PersonSummary, type Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field, Fieldset } from '@/components/form-field';
import { OrganisationPicker, PersonPicker } from '@/features/directory';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useCreateRegistration } from '../api/create-registration';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface RegistrationFormProps {
  groupId: string;
  onRegistered: (registration: Registration) => void;
  onCancel: () => void;
}

const OTHER = 'other';

/**
 * A worker and the organisation they come for: the person's current organisations are offered
 * first. The API refuses a second worker of the same organisation in the group; the form says
 * so by naming the organisation.
 */
export function RegistrationForm({ groupId, onRegistered, onCancel }: RegistrationFormProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const create = useCreateRegistration();
  const clientId = useClientId();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [choice, setChoice] = useState<string>(OTHER);
  const [other, setOther] = useState<OrganisationRef | null>(null);
  const [registeredOn, setRegisteredOn] = useState(today());
  const [missing, setMissing] = useState<{ person?: boolean; organisation?: boolean }>({});
  // The organisation of the attempt that was refused, to name it in the message.
  const [sent, setSent] = useState<OrganisationRef | null>(null);
  const offered = person?.organisations ?? [];
  const organisation = choice === OTHER ? other : (offered.find((o) => o.id === choice) ?? null);
  const fieldError = (field: string) => (isApiError(create.error) ? create.error.fieldError(field) : null);
  const taken = fieldError('organisationId') === 'taken';
  // A refusal is about the person and organisation sent: another choice clears it.
  const choose = (value: string) => {
    setChoice(value);
    create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing({ person: !person, organisation: !organisation });
    if (!person || !organisation) return;
    setSent(organisation);
    create.mutate(
      { id: clientId.id, groupId, personId: person.id, organisationId: organisation.id, registeredOn },
      { onSuccess: onRegistered },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'registration', recordId: groupId }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('registrations.add.title')}
    >
      {clientId.field}
      {taken && sent ? (
        <div className="alert alert--error form__wide" role="alert" data-testid="registration-taken">
          <p className="alert__title">
            {t('registrations.add.taken', { organisation: organisationName(sent, locale) })}
          </p>
          <p>{t('registrations.add.takenRule')}</p>
        </div>
      ) : (
        <ErrorAlert error={create.error} />
      )}
      <div className={missing.person ? 'field--invalid form__wide' : 'form__wide'}>
        <PersonPicker
          label={t('registrations.add.person')}
          value={person}
          onChange={(value) => {
            setPerson(value);
            choose(value?.organisations[0]?.id ?? OTHER);
            setMissing({});
          }}
        />
        {missing.person && <MissingLine />}
      </div>
      {offered.length > 0 && (
        <Fieldset
          legend={t('registrations.add.organisation')}
          error={missing.organisation ? 'required' : null}
        >
          {offered.map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type="radio"
                name="organisationChoice"
                value={o.id}
                checked={choice === o.id}
                onChange={() => choose(o.id)}
              />
              {organisationName(o, locale)}
            </label>
          ))}
          <label className="checkbox">
            <input
              type="radio"
              name="organisationChoice"
              value={OTHER}
              checked={choice === OTHER}
              onChange={() => choose(OTHER)}
            />
            {t('registrations.add.otherOrganisation')}
          </label>
        </Fieldset>
      )}
      {choice === OTHER && (
        <OrganisationPicker
          label={
            offered.length > 0
              ? t('registrations.add.otherOrganisation')
              : t('registrations.add.organisation')
          }
          value={other}
          onChange={(value) => {
            setOther(value);
            create.reset();
            setMissing({});
          }}
          error={missing.organisation ? 'required' : null}
        />
      )}
      <Field label={t('registrations.add.registeredOn')} error={fieldError('registeredOn')}>
        <input
          name="registeredOn"
          type="date"
          required
          value={registeredOn}
          onChange={(e) => setRegisteredOn(e.target.value)}
        />
      </Field>
      <p className="field__hint form__wide">{t('registrations.add.feeHint')}</p>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending || !registeredOn}>
          {t('registrations.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}

function MissingLine() {
  const { t } = useTranslation('errors');
  return <p className="field__error">{t('fieldErrors.required')}</p>;
}
