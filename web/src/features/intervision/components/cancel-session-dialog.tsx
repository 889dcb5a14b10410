import { useState } from 'react';
import type { Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useUpdateSession } from '../api/update-session';
import { useEditConflict } from '@/hooks/use-edit-conflict';

interface CancelSessionDialogProps {
  session: Session;
  onDone: () => void;
  onCancel: () => void;
}

/** A cancelled session keeps its reason: the report counts cancellations and says why. */
export function CancelSessionDialog({ session, onDone, onCancel }: CancelSessionDialogProps) {
  const { t } = useTranslation(['intervision', 'errors']);
  const locale = useLocale();
  const update = useEditConflict(useUpdateSession());
  const [reason, setReason] = useState(session.cancelReason ?? '');
  const [missing, setMissing] = useState(false);
  const apiError = isApiError(update.error) ? update.error.fieldError('cancelReason') : null;
  // Attendance was taken: the session took place, the API will not cancel it (`hasAttendance`).
  const statusError = isApiError(update.error) ? update.error.fieldError('status') : null;
  const error = missing ? 'required' : apiError;

  return (
    <ConfirmDialog
      open
      title={t('intervision:sessions.cancelTitle', { day: formatDay(session.startsOn, locale) })}
      confirmLabel={t('intervision:sessions.cancelConfirm')}
      cancelLabel={t('intervision:sessions.cancelClose')}
      busy={update.isPending}
      onConfirm={() => {
        if (!reason.trim()) return setMissing(true);
        update.mutate(
          { base: session, body: { status: 'cancelled', cancelReason: reason.trim() } },
          { onSuccess: onDone },
        );
      }}
      onCancel={onCancel}
    >
      {statusError ? (
        <p className="alert alert--error" role="alert">
          {t(`errors:fieldErrors.${statusError}`)}
        </p>
      ) : (
        !apiError && <ErrorAlert error={update.error} />
      )}
      <EditConflict
        edit={update}
        label={(field) =>
          t(field === 'status' ? 'intervision:sessions.table.status' : 'intervision:sessions.cancelReason')
        }
        display={(field, value) =>
          field === 'status' ? t(`intervision:statuses.${value as 'planned'}`) : String(value ?? '')
        }
      />
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={`reason-${session.id}`}>{t('intervision:sessions.cancelReason')}</label>
        <textarea
          id={`reason-${session.id}`}
          rows={3}
          maxLength={500}
          required
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `reason-${session.id}-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {error && (
          <p className="field__error" id={`reason-${session.id}-error`}>
            {t(`errors:fieldErrors.${error}`)}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
