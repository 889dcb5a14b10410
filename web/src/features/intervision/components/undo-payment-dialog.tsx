import type { Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';
import { useUpdateRegistration } from '../api/update-registration';

interface UndoPaymentDialogProps {
  registration: Registration;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Undoing a payment erases its date and reference: asked first, with what will be lost. */
export function UndoPaymentDialog({ registration, name, onDone, onCancel }: UndoPaymentDialogProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const update = useUpdateRegistration();
  const values = {
    name,
    day: registration.paidOn ? formatDay(registration.paidOn, locale) : '',
    fee: formatAmount(registration.fee, locale),
    reference: registration.paymentReference ?? '',
  };
  return (
    <ConfirmDialog
      open
      title={t('payment.undoFor', { name })}
      confirmLabel={t('payment.undo')}
      cancelLabel={t('payment.keep')}
      busy={update.isPending}
      onConfirm={() =>
        update.mutate(
          { base: registration, body: { paidOn: null, paymentReference: null } },
          { onSuccess: onDone },
        )
      }
      onCancel={onCancel}
    >
      <p>{t(registration.paymentReference ? 'payment.undoBodyReference' : 'payment.undoBody', values)}</p>
      <ErrorAlert error={update.error} />
    </ConfirmDialog>
  );
}
