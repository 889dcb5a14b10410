import { useState } from 'react';
import type { FormEvent } from 'react';
import { type Organisation, organisationName, postalCodeContradictsCommune } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { FullPageLoading } from '@/components/status-pages';
import { ReferenceCheckboxes, ReferenceOptions, useReferenceItems } from '@/features/reference';
import { isApiError } from '@/lib/api-client';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { communeForPostalCode, pickLabel } from '@/lib/bilingual';
import { useLocale } from '@/hooks/use-locale';
import { useCreateOrganisation } from '../api/create-organisation';
import { useUpdateOrganisation } from '../api/update-organisation';
import { toCreateBody, toUpdateBody, valuesFromOrganisation } from './organisation-form-values';
import type { OrganisationFormValues } from './organisation-form-values';
import { OrganisationDuplicates } from './organisation-duplicates';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface OrganisationFormProps {
  /** Absent for a new organisation. */
  organisation?: Organisation;
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
}

export function OrganisationForm({ organisation, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const create = useCreateOrganisation();
  const clientId = useClientId();
  const update = useEditConflict(useUpdateOrganisation());
  const [initial] = useState(() => valuesFromOrganisation(organisation));
  const [values, setValues] = useState<OrganisationFormValues>(initial);
  // Retired items too: a record may still carry one, and must keep it when saved.
  const sectors = useReferenceItems('sector', { includeRetired: true });
  const types = useReferenceItems('organisation_type', { includeRetired: true });
  const communes = useReferenceItems('commune', { includeRetired: true });
  const languages = useReferenceItems('language', { includeRetired: true });

  const mutation = organisation ? update : create;
  const error = mutation.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);
  const set = (patch: Partial<OrganisationFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const onPostalCode = (postalCode: string) => {
    // Fill the commune as the API would, so the user sees it before saving (and can change it);
    // a commune chosen by hand, not from the previous postal code, is left alone.
    const list = communes.data ?? [];
    const previous = communeForPostalCode(list, values.postalCode);
    const next = communeForPostalCode(list, postalCode);
    const replaceable = !values.communeId || values.communeId === previous?.id;
    set({ postalCode, ...(next && replaceable ? { communeId: next.id } : {}) });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!organisation) {
      create.mutate({ id: clientId.id, ...toCreateBody(values) }, { onSuccess: onSaved });
      return;
    }
    const body = toUpdateBody(values, initial);
    if (Object.keys(body).length === 0) onSaved(organisation);
    else update.mutate({ base: organisation, body }, { onSuccess: onSaved });
  };

  const fieldLabel = (field: string) =>
    t(`organisation.fields.${field.replace(/Ids$/, 's').replace(/Id$/, '')}` as 'organisation.fields.nameFr');
  const displayValue = (field: string, value: unknown): string => {
    const lists = {
      sectorIds: sectors.data,
      typeIds: types.data,
      languages: languages.data,
      communeId: communes.data,
    };
    const items = lists[field as keyof typeof lists];
    if (!items)
      return Array.isArray(value)
        ? value.join(', ')
        : value === null || value === undefined
          ? ''
          : String(value);
    const ids = Array.isArray(value) ? (value as string[]) : value ? [String(value)] : [];
    return ids
      .map((id) => {
        const item = items.find((i) => i.id === id || i.code === id);
        return item ? pickLabel(item, locale) : id;
      })
      .join(', ');
  };

  if (sectors.isPending || types.isPending || communes.isPending || languages.isPending) {
    return <FullPageLoading />;
  }
  const listError = sectors.error ?? types.error ?? communes.error ?? languages.error;
  if (listError) return <ErrorAlert error={listError} />;
  const commune = communes.data?.find((c) => c.id === values.communeId);
  const postalCodeWarning =
    commune && postalCodeContradictsCommune(values.postalCode, commune)
      ? t('organisation.form.postalCodeCommune', {
          commune: pickLabel(commune, locale),
          codes: commune.postalCodes.join(', '),
        })
      : undefined;

  return (
    <DraftForm
      draft={{ id: 'organisation', recordId: organisation?.id, version: organisation?.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={
        organisation
          ? t('organisation.edit.title', { name: organisationName(organisation, locale) })
          : t('organisation.create.title')
      }
    >
      {!organisation && clientId.field}
      <ErrorAlert error={error} />
      <EditConflict edit={update} label={fieldLabel} display={displayValue} />
      <Field
        label={t('organisation.fields.nameFr')}
        hint={t('organisation.form.namesHint')}
        error={fieldError('nameFr')}
      >
        <input
          name="nameFr"
          lang="fr"
          autoComplete="off"
          maxLength={300}
          value={values.nameFr}
          onChange={(e) => set({ nameFr: e.target.value })}
        />
      </Field>
      <Field label={t('organisation.fields.nameNl')} error={fieldError('nameNl')}>
        <input
          name="nameNl"
          lang="nl"
          autoComplete="off"
          maxLength={300}
          value={values.nameNl}
          onChange={(e) => set({ nameNl: e.target.value })}
        />
      </Field>
      {!organisation && <OrganisationDuplicates nameFr={values.nameFr} nameNl={values.nameNl} />}

      <ReferenceCheckboxes
        legend={t('organisation.fields.sectors')}
        hint={t('organisation.form.sectorsHint')}
        name="sectorIds"
        items={sectors.data ?? []}
        selected={values.sectorIds}
        onChange={(sectorIds) => set({ sectorIds })}
        error={fieldError('sectorIds')}
      />
      <ReferenceCheckboxes
        legend={t('organisation.fields.types')}
        hint={t('organisation.form.typesHint')}
        name="typeIds"
        items={types.data ?? []}
        selected={values.typeIds}
        onChange={(typeIds) => set({ typeIds })}
        error={fieldError('typeIds')}
      />

      <Field label={t('organisation.fields.street')} error={fieldError('street')}>
        <input
          name="street"
          autoComplete="off"
          maxLength={300}
          value={values.street}
          onChange={(e) => set({ street: e.target.value })}
        />
      </Field>
      <Field
        label={t('organisation.fields.postalCode')}
        hint={t('organisation.form.postalCodeHint')}
        warning={postalCodeWarning}
        error={fieldError('postalCode')}
      >
        <input
          name="postalCode"
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          value={values.postalCode}
          onChange={(e) => onPostalCode(e.target.value)}
        />
      </Field>
      <Field label={t('organisation.fields.commune')} error={fieldError('communeId')}>
        <select
          name="communeId"
          value={values.communeId}
          onChange={(e) => set({ communeId: e.target.value })}
        >
          <option value="">{t('organisation.form.noCommune')}</option>
          <ReferenceOptions items={communes.data} current={initial.communeId} />
        </select>
      </Field>
      <Field label={t('organisation.fields.city')} error={fieldError('city')}>
        <input
          name="city"
          autoComplete="off"
          maxLength={120}
          value={values.city}
          onChange={(e) => set({ city: e.target.value })}
        />
      </Field>

      <ReferenceCheckboxes
        legend={t('organisation.fields.languages')}
        name="languages"
        items={languages.data ?? []}
        selected={values.languages}
        valueKey="code"
        onChange={(codes) => set({ languages: codes })}
        error={fieldError('languages')}
      />

      <Field label={t('organisation.fields.phone')} error={fieldError('phone')}>
        <input
          name="phone"
          type="tel"
          autoComplete="off"
          maxLength={50}
          value={values.phone}
          onChange={(e) => set({ phone: e.target.value })}
        />
      </Field>
      <Field label={t('organisation.fields.email')} error={fieldError('email')}>
        <input
          name="email"
          type="email"
          autoComplete="off"
          maxLength={254}
          value={values.email}
          onChange={(e) => set({ email: e.target.value })}
        />
      </Field>
      <Field label={t('organisation.fields.website')} error={fieldError('website')}>
        <input
          name="website"
          type="url"
          autoComplete="off"
          maxLength={300}
          value={values.website}
          onChange={(e) => set({ website: e.target.value })}
        />
      </Field>
      <Field
        label={t('organisation.fields.closedOn')}
        hint={t('organisation.form.closedOnHint')}
        error={fieldError('closedOn')}
      >
        <input
          name="closedOn"
          type="date"
          value={values.closedOn}
          onChange={(e) => set({ closedOn: e.target.value })}
        />
      </Field>
      <Field
        label={t('organisation.fields.externalRef')}
        hint={t('organisation.form.externalRefHint')}
        error={fieldError('externalRef')}
      >
        <input
          name="externalRef"
          autoComplete="off"
          maxLength={100}
          value={values.externalRef}
          onChange={(e) => set({ externalRef: e.target.value })}
        />
      </Field>
      <div className="form__wide">
        <Field label={t('organisation.fields.notes')} error={fieldError('notes')}>
          <textarea
            name="notes"
            rows={4}
            maxLength={5000}
            value={values.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </Field>
      </div>

      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={mutation.isPending}>
          {t(organisation ? 'organisation.edit.submit' : 'organisation.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('organisation.form.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
