import type { ReactNode } from 'react';
import type { Payment } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';

interface UndoPaymentDialogProps {
  /** Who paid. */
  name: string;
  payment: Payment;
  pending: boolean;
  error: unknown;
  /** Shown with the errors: the payment changed by someone else meanwhile. */
  conflict?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Undoing a payment erases it (day, amount, method, reference): asked first, saying what will
 * be lost. The same for dues and intervision fees (decision 19).
 */
export function UndoPaymentDialog({
  name,
  payment,
  pending,
  error,
  conflict,
  onConfirm,
  onCancel,
}: UndoPaymentDialogProps) {
  const { t } = useTranslation('common');
  const locale = useLocale();
  const values = {
    name,
    day: formatDay(payment.paidOn, locale),
    amount: formatAmount(payment.amount, locale),
    reference: payment.reference ?? '',
  };
  return (
    <ConfirmDialog
      open
      title={t('payment.undoFor', { name })}
      confirmLabel={t('payment.undo')}
      cancelLabel={t('payment.keep')}
      busy={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t(payment.reference ? 'payment.undoBodyReference' : 'payment.undoBody', values)}</p>
      <ErrorAlert error={error} />
      {conflict}
    </ConfirmDialog>
  );
}
