import { useState } from 'react';
import type { Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useUpdateSession } from '../api/update-session';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { weekdayName, weekdayOf } from './weekdays';

interface MoveSessionDialogProps {
  session: Session;
  /** The new day, once the API has moved the session there. */
  onDone: (startsOn: string) => void;
  onCancel: () => void;
}

/**
 * Another day for a session (its host, status and attendance go with it). A group meets once a
 * day at most: the API refuses a date the group already has (409 `startsOn`: `taken`).
 */
export function MoveSessionDialog({ session, onDone, onCancel }: MoveSessionDialogProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const update = useEditConflict(useUpdateSession());
  const [startsOn, setStartsOn] = useState(session.startsOn);
  const [missing, setMissing] = useState(false);
  const apiError = isApiError(update.error) ? update.error.fieldError('startsOn') : null;
  const day = formatDay(session.startsOn, locale);

  return (
    <ConfirmDialog
      open
      title={t('sessions.move.title', { day })}
      confirmLabel={t('sessions.move.confirm')}
      cancelLabel={t('cancel')}
      busy={update.isPending}
      onConfirm={() => {
        if (!startsOn) return setMissing(true);
        if (startsOn === session.startsOn) return onCancel();
        update.mutate(
          { base: session, body: { startsOn } },
          { onSuccess: (moved) => onDone(moved.startsOn) },
        );
      }}
      onCancel={onCancel}
    >
      {!apiError && <ErrorAlert error={update.error} />}
      <EditConflict edit={update} label={() => t('sessions.move.startsOn')} />
      <Field
        label={t('sessions.move.startsOn')}
        hint={
          startsOn
            ? t('sessions.move.weekday', { weekday: weekdayName(weekdayOf(startsOn), locale) })
            : undefined
        }
        error={missing ? 'required' : apiError}
        errorContext="session"
      >
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => {
            setStartsOn(e.target.value);
            setMissing(false);
          }}
        />
      </Field>
    </ConfirmDialog>
  );
}
