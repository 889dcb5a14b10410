import { useState } from 'react';
import type { SupervisionSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useUpdateSession } from '../api/update-session';

/**
 * Marks a planned session held (with how many took part) or cancelled (with why). A session
 * still to come is held only after the question, which sends `confirmToCome` (decision 15).
 */
export function SessionDialog({
  session,
  action,
  onDone,
  onClose,
}: {
  session: SupervisionSession;
  action: 'held' | 'cancelled';
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('supervisions');
  const locale = useLocale();
  const update = useUpdateSession();
  const [participants, setParticipants] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const day = formatDay(session.startsOn, locale);
  const toCome = session.startsOn > today();
  const fieldError = (field: string) => (isApiError(update.error) ? update.error.fieldError(field) : null);

  const confirm = () => {
    if (action === 'cancelled' && !reason.trim()) return setMissing(true);
    const body =
      action === 'held'
        ? {
            status: 'held' as const,
            participants: participants ? Number(participants) : null,
            ...(toCome ? { confirmToCome: true } : {}),
          }
        : { status: 'cancelled' as const, cancelReason: reason.trim() };
    update.mutate(
      { base: session, body },
      {
        onSuccess: () => onDone(t(action === 'held' ? 'sessions.heldDone' : 'sessions.cancelDone', { day })),
      },
    );
  };

  return (
    <ConfirmDialog
      open
      title={t(action === 'held' ? 'sessions.heldTitle' : 'sessions.cancelTitle', { day })}
      confirmLabel={t(action === 'held' ? 'sessions.heldConfirm' : 'sessions.cancelConfirm')}
      cancelLabel={t('cancel')}
      busy={update.isPending}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {action === 'held' && toCome && (
        <p className="alert alert--warning" role="alert">
          {t('sessions.toCome', { day })}
        </p>
      )}
      {action === 'held' ? (
        <Field label={t('sessions.participantsLabel')} error={fieldError('participants')}>
          <input
            name="participants"
            type="number"
            inputMode="numeric"
            min={0}
            max={500}
            value={participants}
            onChange={(e) => setParticipants(e.target.value)}
          />
        </Field>
      ) : (
        <Field label={t('sessions.reason')} error={missing ? 'required' : fieldError('cancelReason')}>
          <input
            name="cancelReason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      )}
      <ErrorAlert error={update.error} />
    </ConfirmDialog>
  );
}
