import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Registration, Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';
import { useSaveAttendance } from '../api/save-attendance';
import { participantLabel } from './participant-name';

interface AttendanceFormProps {
  session: Session;
  registrations: readonly Registration[];
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * One box per participant: the registered ones, and anyone already marked present (who may
 * have withdrawn since), so saving never drops a presence nobody could see.
 */
export function AttendanceForm({ session, registrations, onSaved, onCancel }: AttendanceFormProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const save = useSaveAttendance();
  const [present, setPresent] = useState<Set<string>>(() => new Set(session.attendance));
  const participants = registrations.filter(
    (r) => r.status === 'registered' || session.attendance.includes(r.id),
  );
  const day = formatDay(session.startsOn, locale);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ sessionId: session.id, body: { registrationIds: [...present] } }, { onSuccess: onSaved });
  };
  const toggle = (id: string, on: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('attendance.title', { day })}>
      <ErrorAlert error={save.error} />
      {session.status === 'planned' && <p className="muted">{t('attendance.plannedHint')}</p>}
      {participants.length === 0 ? (
        <p className="muted">{t('attendance.nobody')}</p>
      ) : (
        <fieldset className="fieldset">
          <legend>{t('attendance.title', { day })}</legend>
          <div className="fieldset__options fieldset__options--column">
            {participants.map((r) => (
              <label key={r.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={present.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
                {participantLabel(r, locale, t('registrations.removed'))}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button--primary"
          disabled={save.isPending || participants.length === 0}
        >
          {t('attendance.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
