import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, OrganisationRef, Supervision } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { OrganisationPicker } from '@/features/directory';
import { useClientId } from '@/hooks/use-client-id';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { parseAmountInput as parseAmount } from '@/lib/amount';
import { today } from '@/lib/bilingual';
import { useCreateSupervision } from '../api/create-supervision';
import { AgreementFields } from './agreement-fields';
import type { AgreementValues } from './agreement-fields';

/** A new supervision: the organisation and its team, the agreement's start, sessions planned, fee. */
export function SupervisionForm({
  onSaved,
  onCancel,
}: {
  onSaved: (s: Supervision) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('supervisions');
  const create = useCreateSupervision();
  const clientId = useClientId();
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(null);
  const [team, setTeam] = useState('');
  const [agreement, setAgreement] = useState<AgreementValues>(() => ({
    startsOn: today(),
    planned: '',
    fee: '',
  }));
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(create.error) ? create.error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { startsOn, planned, fee } = agreement;
    const next: Record<string, FieldErrorCode> = {};
    if (!organisation) next.organisationId = 'required';
    if (!team.trim()) next.team = 'required';
    if (!startsOn) next.startsOn = 'required';
    const amount = fee.trim() ? parseAmount(fee) : null;
    if (fee.trim() && amount === null) next.fee = 'format';
    setInvalid(next);
    if (Object.keys(next).length > 0 || !organisation) return;
    create.mutate(
      {
        id: clientId.id,
        organisationId: organisation.id,
        team: team.trim(),
        startsOn,
        plannedSessions: planned ? Number(planned) : null,
        fee: amount,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'supervision' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('form.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <div className="form__wide">
        <OrganisationPicker
          label={t('form.organisation')}
          value={organisation}
          onChange={setOrganisation}
          error={fieldError('organisationId')}
        />
      </div>
      <Field label={t('form.team')} hint={t('form.teamHint')} error={fieldError('team')}>
        <input name="team" required maxLength={200} value={team} onChange={(e) => setTeam(e.target.value)} />
      </Field>
      <AgreementFields
        values={agreement}
        setValues={setAgreement}
        label={(field) => t(`form.${field}`)}
        fieldError={fieldError}
      />
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
