import { useState } from 'react';
import type { FormEvent } from 'react';
import { organisationName, type OrganisationRef, type Person } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { useAddAffiliation } from '../api/add-affiliation';
import { OrganisationPicker } from './organisation-picker';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface AddAffiliationFormProps {
  person: Person;
  onAdded: (organisation: string) => void;
  onCancel: () => void;
}

export function AddAffiliationForm({ person, onAdded, onCancel }: AddAffiliationFormProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const add = useAddAffiliation();
  const clientId = useClientId();
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(null);
  const [fn, setFn] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const fieldError = (name: string) => (isApiError(add.error) ? add.error.fieldError(name) : null);
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The only field the API cannot say is missing by name: the picker holds it.
    if (!organisation) return setMissing(true);
    add.mutate(
      {
        personId: person.id,
        body: {
          id: clientId.id,
          organisationId: organisation.id,
          ...(fn.trim() ? { function: fn.trim() } : {}),
          ...(startsOn ? { startsOn } : {}),
          ...(endsOn ? { endsOn } : {}),
        },
      },
      { onSuccess: () => onAdded(organisationName(organisation, locale)) },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'affiliation', recordId: person.id }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('affiliations.add.title')}
    >
      {clientId.field}
      <ErrorAlert error={add.error} />
      <OrganisationPicker
        label={t('affiliations.organisation')}
        value={organisation}
        onChange={(org) => {
          setOrganisation(org);
          setMissing(false);
        }}
        error={missing ? 'required' : fieldError('organisationId')}
      />
      <Field label={t('affiliations.function')} error={fieldError('function')}>
        <input name="function" maxLength={200} value={fn} onChange={(e) => setFn(e.target.value)} />
      </Field>
      <Field label={t('affiliations.startsOn')} error={fieldError('startsOn')}>
        <input name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      </Field>
      <Field label={t('affiliations.endsOn')} error={fieldError('endsOn')}>
        <input
          name="endsOn"
          type="date"
          min={startsOn || undefined}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={add.isPending}>
          {t('affiliations.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('affiliations.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
