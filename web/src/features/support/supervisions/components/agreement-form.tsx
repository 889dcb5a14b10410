import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, Supervision, UpdateSupervisionBody } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount, parseAmountInput } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { formatDay } from '@/lib/format';
import { useUpdateSupervision } from '../api/update-supervision';
import { AgreementFields } from './agreement-fields';
import type { AgreementField, AgreementValues } from './agreement-fields';

/**
 * The agreement corrected: its start, the sessions planned, the fee (blank: free). Only what
 * changed is sent, with the version loaded; someone else's change to the same field shows both
 * values (decision 13).
 */
export function AgreementForm({
  supervision,
  onSaved,
  onCancel,
}: {
  supervision: Supervision;
  onSaved: (s: Supervision) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('supervisions');
  const locale = useLocale();
  const update = useEditConflict(useUpdateSupervision());
  const [agreement, setAgreement] = useState<AgreementValues>({
    startsOn: supervision.startsOn,
    planned: supervision.plannedSessions?.toString() ?? '',
    fee: supervision.fee?.replace('.', ',') ?? '',
  });
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: AgreementField) =>
    invalid[field] ?? (isApiError(update.error) ? update.error.fieldError(field) : null);
  const label = (field: string) => t(`edit.${field as AgreementField}`);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { startsOn, planned, fee } = agreement;
    const next: Record<string, FieldErrorCode> = {};
    if (!startsOn) next.startsOn = 'required';
    const amount = fee.trim() ? parseAmountInput(fee) : null;
    if (fee.trim() && amount === null) next.fee = 'format';
    const sessions = planned.trim() ? Number(planned) : null;
    if (sessions !== null && (!Number.isInteger(sessions) || sessions < 1 || sessions > 100))
      next.plannedSessions = 'invalid';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    const body: UpdateSupervisionBody = {};
    if (startsOn !== supervision.startsOn) body.startsOn = startsOn;
    if (sessions !== supervision.plannedSessions) body.plannedSessions = sessions;
    const feeNow = supervision.fee === null ? null : Number(supervision.fee);
    if ((amount === null ? null : Number(amount)) !== feeNow) body.fee = amount;
    if (Object.keys(body).length === 0) return onSaved(supervision);
    update.mutate({ base: supervision, body }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'supervision-agreement', recordId: supervision.id, version: supervision.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('edit.title')}
    >
      <ErrorAlert error={update.error} />
      <EditConflict
        edit={update}
        label={label}
        display={(field, value) => {
          if (value === null || value === undefined || value === '') return '';
          if (field === 'startsOn') return formatDay(String(value), locale);
          if (field === 'fee') return formatAmount(String(value), locale);
          return String(value);
        }}
      />
      <AgreementFields values={agreement} setValues={setAgreement} label={label} fieldError={fieldError} />
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={update.isPending}>
          {t('edit.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
