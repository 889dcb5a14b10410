import { useState } from 'react';
import type { Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { today } from '@/lib/bilingual';
import { useUpdateRegistration } from '../api/update-registration';

interface WithdrawDialogProps {
  registration: Registration;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Withdrawing keeps the registration, marked, so the group's history stays true. */
export function WithdrawDialog({ registration, name, onDone, onCancel }: WithdrawDialogProps) {
  const { t } = useTranslation('intervision');
  const update = useEditConflict(useUpdateRegistration());
  const [withdrawnOn, setWithdrawnOn] = useState(
    today() < registration.registeredOn ? registration.registeredOn : today(),
  );
  const fieldError = isApiError(update.error) ? update.error.fieldError('withdrawnOn') : null;
  return (
    <ConfirmDialog
      open
      title={t('registrations.withdrawTitle', { name })}
      confirmLabel={t('registrations.withdrawConfirm')}
      cancelLabel={t('cancel')}
      busy={update.isPending || !withdrawnOn}
      onConfirm={() => update.mutate({ base: registration, body: { withdrawnOn } }, { onSuccess: onDone })}
      onCancel={onCancel}
    >
      <p>{t('registrations.withdrawBody', { name })}</p>
      {!fieldError && <ErrorAlert error={update.error} />}
      <EditConflict edit={update} label={() => t('registrations.withdrawnOn')} />
      <Field label={t('registrations.withdrawnOn')} error={fieldError}>
        <input
          type="date"
          required
          min={registration.registeredOn}
          value={withdrawnOn}
          onChange={(e) => setWithdrawnOn(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
