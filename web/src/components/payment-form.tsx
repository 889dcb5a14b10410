import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { PAYMENT_METHODS, type PaymentInput, type PaymentMethod } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import type { EditConflictState } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';
import { parseAmountInput } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { DraftForm, type DraftOptions } from '@/lib/drafts';

interface PaymentFormProps {
  /** The record paid, for the fields' ids. */
  id: string;
  /** The draft kept while typing (lib/drafts): which form, for which record and version. */
  draft: DraftOptions;
  /** Who pays, as the labels say it ("Enregistrer le paiement de …"). */
  name: string;
  /** What is owed (the API's decimal string): the amount proposed. */
  owed: string;
  pending: boolean;
  error: unknown;
  /** Shown with the errors: a payment someone else recorded or undid meanwhile. */
  conflict?: ReactNode;
  onSubmit: (payment: PaymentInput) => void;
  onCancel: () => void;
}

type Field = 'paidOn' | 'amount' | 'method' | 'reference';

/**
 * The one payment form (decision 19) for whatever is paid, dues or intervision fees: the day
 * (today unless changed), the amount (what is owed unless changed, typed the Belgian way:
 * "1 234,50"), how, and the bank statement's reference.
 */
export function PaymentForm(props: PaymentFormProps) {
  const { id, draft, name, owed, pending, error, conflict, onSubmit, onCancel } = props;
  const { t } = useTranslation(['common', 'errors']);
  const [paidOn, setPaidOn] = useState(today());
  const [amount, setAmount] = useState(owed.replace('.', ','));
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  const [reference, setReference] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);
  const apiError = isApiError(error) ? error : null;
  const fieldError = (field: Field) => apiError?.fieldError(`payment/${field}`) ?? null;
  const amountError = amountInvalid ? 'invalid' : fieldError('amount');
  const shown = amountError ?? fieldError('paidOn') ?? fieldError('method') ?? fieldError('reference');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseAmountInput(amount);
    setAmountInvalid(parsed === null);
    if (parsed === null) return;
    onSubmit({ paidOn, amount: parsed, method, reference: reference.trim() || null });
  };

  return (
    <DraftForm
      draft={draft}
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('common:payment.recordFor', { name })}
    >
      <label className="visually-hidden" htmlFor={`paid-${id}`}>
        {t('common:payment.paidOnFor', { name })}
      </label>
      <input
        id={`paid-${id}`}
        type="date"
        required
        value={paidOn}
        aria-invalid={fieldError('paidOn') ? true : undefined}
        onChange={(e) => setPaidOn(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`amount-${id}`}>
        {t('common:payment.amountFor', { name })}
      </label>
      <input
        id={`amount-${id}`}
        className="inline-form__amount"
        inputMode="decimal"
        required
        value={amount}
        aria-invalid={amountError ? true : undefined}
        onChange={(e) => setAmount(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`method-${id}`}>
        {t('common:payment.methodFor', { name })}
      </label>
      <select id={`method-${id}`} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`common:payment.methods.${m}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`ref-${id}`}>
        {t('common:payment.referenceFor', { name })}
      </label>
      <input
        id={`ref-${id}`}
        maxLength={140}
        placeholder={t('common:payment.referencePlaceholder')}
        value={reference}
        aria-invalid={fieldError('reference') ? true : undefined}
        onChange={(e) => setReference(e.target.value)}
      />
      <button type="submit" className="button--small button--primary" disabled={pending || !paidOn}>
        {t('common:payment.save')}
      </button>
      <button type="button" className="button--small" onClick={onCancel}>
        {t('common:payment.cancel')}
      </button>
      {shown ? (
        <p className="field__error">{t(`errors:fieldErrors.${shown}`)}</p>
      ) : (
        <ErrorAlert error={error} />
      )}
      {conflict}
    </DraftForm>
  );
}

/** A payment recorded or undone by someone else meanwhile: both, said as the tables say them. */
export function PaymentConflict({
  edit,
}: {
  edit: Pick<EditConflictState, 'conflict' | 'isPending' | 'keepMine' | 'takeTheirs'>;
}) {
  const { t } = useTranslation('common');
  const locale = useLocale();
  const said = (value: unknown) => {
    const p = value as Partial<PaymentInput> | null;
    if (!p?.paidOn) return '';
    return [
      formatDay(p.paidOn, locale),
      p.amount ? formatAmount(p.amount, locale) : '',
      p.method ? t(`payment.methods.${p.method}`) : '',
      p.reference ?? '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <EditConflict edit={edit} label={() => t('payment.payment')} display={(_field, value) => said(value)} />
  );
}
