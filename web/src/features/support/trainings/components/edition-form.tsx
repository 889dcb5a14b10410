import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  TRAINING_FORMATS,
  TRAINING_ORGANISERS,
  organisationName,
  type FieldErrorCode,
  type OrganisationRef,
  type TrainingEdition,
  type TrainingFormat,
  type TrainingModule,
  type TrainingOrganiser,
  type UpdateTrainingEditionBody,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field, Fieldset } from '@/components/form-field';
import { OrganisationPicker } from '@/features/directory';
import { useClientId } from '@/hooks/use-client-id';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount, parseAmountInput as parseAmount } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { changedFields } from '@/lib/versioned';
import { DraftForm } from '@/lib/drafts';
import { editionValue, useCreateTrainingEdition, useUpdateTrainingEdition } from '../api/trainings';
import { DaysInput, daysToSend } from './days-input';
import { moduleTitle } from './module-title';

interface EditionFormProps {
  /** The edition edited; none for a new one (then `modules` to choose from). */
  edition?: TrainingEdition;
  modules?: readonly TrainingModule[];
  onSaved: (edition: TrainingEdition) => void;
  onCancel: () => void;
}

/**
 * An edition's facts: its module (when new), who organised it (Smes, or a partner of the
 * directory), in a place or by video, its days, capacity, the fee per participant and, for a
 * partner's edition whose participants are not named, how many came. Editing sends only what
 * changed, over the version loaded: someone else's change of the same field is shown beside
 * the user's (EditConflict).
 */
export function EditionForm({ edition, modules = [], onSaved, onCancel }: EditionFormProps) {
  const { t } = useTranslation('trainings');
  const locale = useLocale();
  const create = useCreateTrainingEdition();
  const update = useEditConflict(useUpdateTrainingEdition());
  const clientId = useClientId();
  const [moduleId, setModuleId] = useState(modules.length === 1 ? modules[0]!.id : '');
  const [organiser, setOrganiser] = useState<TrainingOrganiser>(edition?.organiser ?? 'smes');
  const [partner, setPartner] = useState<OrganisationRef | null>(edition?.partner ?? null);
  const [format, setFormat] = useState<TrainingFormat>(edition?.format ?? 'in_person');
  const [place, setPlace] = useState(edition?.place ?? '');
  const [days, setDays] = useState<string[]>(edition ? [...edition.days] : [today()]);
  const [capacity, setCapacity] = useState(edition?.capacity?.toString() ?? '');
  const [fee, setFee] = useState(edition?.fee?.replace('.', ',') ?? '');
  const [count, setCount] = useState(edition?.participantCount?.toString() ?? '');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const error = edition ? update.error : create.error;
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(error) ? error.fieldError(field) : null);
  const named = edition ? edition.participantList.length : 0;
  const pending = edition ? update.isPending : create.isPending;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!edition && !moduleId) next.moduleId = 'required';
    if (organiser === 'partner' && !partner) next.partnerOrganisationId = 'required';
    const sent = daysToSend(days);
    if (sent.length === 0) next.days = 'required';
    const amount = fee.trim() ? parseAmount(fee) : null;
    if (fee.trim() && amount === null) next.fee = 'format';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    const fields = {
      organiser,
      partnerOrganisationId: organiser === 'partner' ? (partner?.id ?? null) : null,
      format,
      place: format === 'in_person' ? place.trim() || null : null,
      capacity: capacity ? Number(capacity) : null,
      fee: amount,
      participantCount: organiser === 'partner' && count !== '' ? Number(count) : null,
      days: sent,
    };
    if (!edition) {
      create.mutate({ id: clientId.id, moduleId, ...fields }, { onSuccess: onSaved });
      return;
    }
    const body: UpdateTrainingEditionBody = changedFields(edition, fields, editionValue);
    if (Object.keys(body).length === 0) return onCancel();
    update.mutate({ base: edition, body }, { onSuccess: onSaved });
  };

  const label = (field: string) =>
    field === 'partnerOrganisationId'
      ? t('editionForm.partner')
      : t(`editionForm.${field}` as 'editionForm.fee');
  const display = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return '';
    if (field === 'days') return (value as string[]).map((d) => formatDay(d, locale)).join(', ');
    if (field === 'fee') return formatAmount(value as string, locale);
    if (field === 'organiser') return t(`organisers.${value as TrainingOrganiser}`);
    if (field === 'format') return t(`formats.${value as TrainingFormat}`);
    if (field === 'partnerOrganisationId') {
      // Mine is the partner chosen here; theirs is named by the edition as it is now.
      const theirs = (update.conflict?.current as Partial<TrainingEdition> | undefined)?.partner;
      const named = [partner, theirs].find((o) => o?.id === value);
      return named ? organisationName(named, locale) : String(value);
    }
    return String(value as string | number);
  };

  return (
    <DraftForm
      draft={
        edition
          ? { id: 'training-edition', recordId: edition.id, version: edition.version }
          : { id: 'training-edition' }
      }
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={edition ? t('editionForm.editTitle') : t('editionForm.title')}
    >
      {!edition && clientId.field}
      <ErrorAlert error={error} />
      {edition && <EditConflict edit={update} label={label} display={display} />}
      {!edition && (
        <Field label={t('editionForm.module')} error={fieldError('moduleId')}>
          <select name="moduleId" required value={moduleId} onChange={(e) => setModuleId(e.target.value)}>
            <option value="">{t('editionForm.chooseModule')}</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {moduleTitle(m, locale)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Fieldset legend={t('editionForm.organiser')} error={fieldError('organiser')}>
        {TRAINING_ORGANISERS.map((o) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              name="organiser"
              value={o}
              checked={organiser === o}
              onChange={() => setOrganiser(o)}
            />
            {t(`organisers.${o}`)}
          </label>
        ))}
      </Fieldset>
      {organiser === 'partner' && (
        <div className="form__wide">
          <OrganisationPicker
            label={t('editionForm.partner')}
            value={partner}
            onChange={setPartner}
            error={fieldError('partnerOrganisationId')}
          />
        </div>
      )}
      <Fieldset legend={t('editionForm.format')} error={fieldError('format')}>
        {TRAINING_FORMATS.map((f) => (
          <label key={f} className="checkbox">
            <input
              type="radio"
              name="format"
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {t(`formats.${f}`)}
          </label>
        ))}
      </Fieldset>
      {format === 'in_person' && (
        <Field label={t('editionForm.place')} error={fieldError('place')}>
          <input name="place" maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
        </Field>
      )}
      <div className="form__wide">
        <DaysInput days={days} onChange={setDays} error={fieldError('days')} />
      </div>
      <Field
        label={t('editionForm.capacity')}
        hint={t('editionForm.capacityHint')}
        error={fieldError('capacity')}
      >
        <input
          name="capacity"
          type="number"
          inputMode="numeric"
          min={Math.max(1, named)}
          max={1000}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </Field>
      <Field label={t('editionForm.fee')} hint={t('editionForm.feeHint')} error={fieldError('fee')}>
        <input name="fee" inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} />
      </Field>
      {organiser === 'partner' && named === 0 && (
        <Field
          label={t('editionForm.participantCount')}
          hint={t('editionForm.participantCountHint')}
          error={fieldError('participantCount')}
        >
          <input
            name="participantCount"
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </Field>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={pending}>
          {edition ? t('editionForm.save') : t('editionForm.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
