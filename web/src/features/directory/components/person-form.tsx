import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CreatePersonBody, OrganisationRef, Person, UpdatePersonBody } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { ReferenceOptions, useReferenceItems } from '@/features/reference';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { isApiError } from '@/lib/api-client';
import { pickLabel } from '@/lib/bilingual';
import { useLocale } from '@/hooks/use-locale';
import { useCreatePerson } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';
import { OrganisationPicker } from './organisation-picker';
import { PersonDuplicates } from './person-duplicates';
import { personName } from './person-name';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'language', 'notes', 'externalRef'] as const;
type PersonValues = Record<(typeof FIELDS)[number], string>;

function valuesFrom(person?: Person): PersonValues {
  return {
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    language: person?.language ?? '',
    notes: person?.notes ?? '',
    externalRef: person?.externalRef ?? '',
  };
}

interface PersonFormProps {
  person?: Person;
  /** A new person from an organisation's page starts affiliated to it. */
  organisation?: OrganisationRef | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

export function PersonForm({ person, organisation = null, onSaved, onCancel }: PersonFormProps) {
  const { t } = useTranslation('directory');
  const create = useCreatePerson();
  const clientId = useClientId();
  const update = useEditConflict(useUpdatePerson());
  const locale = useLocale();
  const languages = useReferenceItems('language', { includeRetired: true });
  const [initial] = useState(() => valuesFrom(person));
  const [values, setValues] = useState(initial);
  const [affiliation, setAffiliation] = useState({ organisation, function: '', startsOn: '' });

  const mutation = person ? update : create;
  const error = mutation.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);
  // `affiliations/0/endsOn` and the like: the one affiliation this form offers.
  const affiliationError = (name: string) =>
    isApiError(error)
      ? (error.errors.find((e) => e.field.replace(/^\//, '') === `affiliations/0/${name}`)?.code ?? null)
      : null;
  const set = (patch: Partial<PersonValues>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) {
      const body: CreatePersonBody = {
        id: clientId.id,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
      };
      for (const key of ['email', 'phone', 'language', 'notes', 'externalRef'] as const) {
        if (values[key].trim()) body[key] = values[key].trim();
      }
      if (affiliation.organisation) {
        body.affiliations = [
          {
            organisationId: affiliation.organisation.id,
            ...(affiliation.function.trim() ? { function: affiliation.function.trim() } : {}),
            ...(affiliation.startsOn ? { startsOn: affiliation.startsOn } : {}),
          },
        ];
      }
      create.mutate(body, { onSuccess: onSaved });
      return;
    }
    // Only what changed; names cannot be blank, the other fields are cleared with null.
    const body: UpdatePersonBody = {};
    for (const key of FIELDS) {
      const value = values[key].trim();
      if (value === initial[key].trim()) continue;
      if (key === 'firstName' || key === 'lastName') body[key] = value;
      else body[key] = value || null;
    }
    if (Object.keys(body).length === 0) onSaved(person);
    else update.mutate({ base: person, body }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'person', recordId: person?.id, version: person?.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={person ? t('person.edit.title', { name: personName(person) }) : t('person.create.title')}
    >
      {!person && clientId.field}
      <ErrorAlert error={error} />
      <EditConflict
        edit={update}
        label={(field) => t(`person.fields.${field}` as 'person.fields.phone')}
        display={(field, value) => {
          const item = field === 'language' ? languages.data?.find((l) => l.code === value) : undefined;
          return item ? pickLabel(item, locale) : typeof value === 'string' ? value : '';
        }}
      />
      <Field label={t('person.fields.firstName')} error={fieldError('firstName')}>
        <input
          name="firstName"
          autoComplete="off"
          required
          maxLength={120}
          value={values.firstName}
          onChange={(e) => set({ firstName: e.target.value })}
        />
      </Field>
      <Field label={t('person.fields.lastName')} error={fieldError('lastName')}>
        <input
          name="lastName"
          autoComplete="off"
          required
          maxLength={120}
          value={values.lastName}
          onChange={(e) => set({ lastName: e.target.value })}
        />
      </Field>
      <Field label={t('person.fields.email')} error={fieldError('email')}>
        <input
          name="email"
          type="email"
          autoComplete="off"
          maxLength={254}
          value={values.email}
          onChange={(e) => set({ email: e.target.value })}
        />
      </Field>
      {!person && (
        <PersonDuplicates firstName={values.firstName} lastName={values.lastName} email={values.email} />
      )}
      <Field label={t('person.fields.phone')} error={fieldError('phone')}>
        <input
          name="phone"
          type="tel"
          autoComplete="off"
          maxLength={50}
          value={values.phone}
          onChange={(e) => set({ phone: e.target.value })}
        />
      </Field>
      <Field label={t('person.fields.language')} error={fieldError('language')}>
        <select name="language" value={values.language} onChange={(e) => set({ language: e.target.value })}>
          <option value="">{t('person.form.noLanguage')}</option>
          <ReferenceOptions items={languages.data} current={initial.language} valueKey="code" />
        </select>
      </Field>
      <Field label={t('person.fields.externalRef')} error={fieldError('externalRef')}>
        <input
          name="externalRef"
          autoComplete="off"
          maxLength={100}
          value={values.externalRef}
          onChange={(e) => set({ externalRef: e.target.value })}
        />
      </Field>
      <div className="form__wide">
        <Field label={t('person.fields.notes')} error={fieldError('notes')}>
          <textarea
            name="notes"
            rows={3}
            maxLength={5000}
            value={values.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </Field>
      </div>

      {!person && (
        <fieldset className="fieldset">
          <legend>{t('person.form.firstAffiliation')}</legend>
          <div className="form form--grid">
            <OrganisationPicker
              label={t('person.form.organisation')}
              value={affiliation.organisation}
              onChange={(org) => setAffiliation((a) => ({ ...a, organisation: org }))}
              error={affiliationError('organisationId')}
            />
            <Field label={t('person.form.function')} error={affiliationError('function')}>
              <input
                name="function"
                autoComplete="off"
                maxLength={200}
                value={affiliation.function}
                onChange={(e) => setAffiliation((a) => ({ ...a, function: e.target.value }))}
              />
            </Field>
            <Field label={t('person.form.startsOn')} error={affiliationError('startsOn')}>
              <input
                name="startsOn"
                type="date"
                value={affiliation.startsOn}
                onChange={(e) => setAffiliation((a) => ({ ...a, startsOn: e.target.value }))}
              />
            </Field>
          </div>
        </fieldset>
      )}

      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={mutation.isPending}>
          {t(person ? 'person.edit.submit' : 'person.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('person.form.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
