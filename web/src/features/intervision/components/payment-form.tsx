import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useUpdateRegistration } from '../api/update-registration';
import { DraftForm } from '@/lib/drafts';

interface PaymentFormProps {
  registration: Registration;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Paid on (today unless changed) and the bank statement's reference. */
export function PaymentForm({ registration, name, onDone, onCancel }: PaymentFormProps) {
  const { t } = useTranslation(['intervision', 'errors']);
  const update = useUpdateRegistration();
  const [paidOn, setPaidOn] = useState(today());
  const [reference, setReference] = useState('');
  const error = isApiError(update.error)
    ? (update.error.fieldError('paidOn') ?? update.error.fieldError('paymentReference'))
    : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(
      { base: registration, body: { paidOn, paymentReference: reference.trim() || null } },
      { onSuccess: onDone },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'payment', recordId: registration.id, version: registration.version }}
      className="inline-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('intervision:payment.recordFor', { name })}
    >
      <label className="visually-hidden" htmlFor={`paid-${registration.id}`}>
        {t('intervision:payment.paidOnFor', { name })}
      </label>
      <input
        id={`paid-${registration.id}`}
        type="date"
        required
        value={paidOn}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setPaidOn(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`ref-${registration.id}`}>
        {t('intervision:payment.referenceFor', { name })}
      </label>
      <input
        id={`ref-${registration.id}`}
        maxLength={140}
        placeholder={t('intervision:payment.reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
      <button type="submit" className="button--small button--primary" disabled={update.isPending || !paidOn}>
        {t('intervision:payment.save')}
      </button>
      <button type="button" className="button--small" onClick={onCancel}>
        {t('intervision:cancel')}
      </button>
      {error ? (
        <p className="field__error">{t(`errors:fieldErrors.${error}`)}</p>
      ) : (
        <ErrorAlert error={update.error} />
      )}
    </DraftForm>
  );
}
