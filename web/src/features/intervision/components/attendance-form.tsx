import { useState } from 'react';
import { activeOn, type Registration, type Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { AttendanceForm } from '@/components/attendance-form';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useSaveAttendance } from '../api/save-attendance';
import { participantLabel } from './participant-name';

interface SessionAttendanceFormProps {
  session: Session;
  registrations: readonly Registration[];
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * One box per participant on the session's day (the shared `AttendanceForm`): the registered
 * ones, those who withdrew on that day or later, and anyone already marked present, so saving
 * never drops a presence nobody could see. The API refuses someone who had withdrawn before the
 * day (`withdrawnBefore`): the line says so. Attendance marks a planned session held: on a day
 * still to come, only after the same question as "held" (decision 15), and the API refuses it
 * otherwise (`sessionToCome`). A stale save (the session's version, If-Match) shows the conflict.
 */
export function SessionAttendanceForm({
  session,
  registrations,
  onSaved,
  onCancel,
}: SessionAttendanceFormProps) {
  const { t } = useTranslation(['intervision']);
  const locale = useLocale();
  const save = useEditConflict(useSaveAttendance());
  // What the question holds back until the user answers it.
  const [asking, setAsking] = useState<string[] | null>(null);
  const removed = t('intervision:registrations.removed');
  const participants = registrations.filter(
    (r) => activeOn(r, session.startsOn) || session.attendance.includes(r.id),
  );
  const day = formatDay(session.startsOn, locale);
  const title = t('intervision:attendance.title', { day });
  const name = (id: string) => {
    const r = registrations.find((x) => x.id === id);
    return r && participantLabel(r, locale, removed);
  };

  const send = (registrationIds: string[], confirmToCome: boolean) =>
    save.mutate(
      { base: session, body: confirmToCome ? { registrationIds, confirmToCome } : { registrationIds } },
      {
        onSuccess: onSaved,
        // This device's calendar may lag Brussels': the API's refusal asks the question too.
        onError: (error) => {
          if (isApiError(error) && error.errors.some((e) => e.code === 'sessionToCome')) {
            setAsking(registrationIds);
          }
        },
      },
    );

  return (
    <>
      <AttendanceForm
        draft={{ id: 'attendance', recordId: session.id, version: session.version }}
        title={title}
        people={participants.map((r) => ({ id: r.id, name: participantLabel(r, locale, removed) }))}
        present={session.attendance}
        save={save}
        field="registrationIds"
        nameOf={name}
        onSave={(present) => {
          if (session.status === 'planned' && present.length > 0 && session.startsOn > today()) {
            setAsking(present);
          } else send(present, false);
        }}
        onCancel={onCancel}
        labels={{
          allPresent: t('intervision:attendance.allPresent'),
          save: t('intervision:attendance.save'),
          cancel: t('intervision:cancel'),
        }}
        hint={
          session.status === 'planned' && <p className="muted">{t('intervision:attendance.plannedHint')}</p>
        }
        nobody={t('intervision:attendance.nobody')}
      />
      {asking && (
        <ConfirmDialog
          open
          title={t('intervision:sessions.future.title', { day })}
          confirmLabel={t('intervision:attendance.toCome.confirm')}
          cancelLabel={t('intervision:sessions.cancelClose')}
          busy={save.isPending}
          onConfirm={() => {
            setAsking(null);
            send(asking, true);
          }}
          onCancel={() => setAsking(null)}
        >
          <p>{t('intervision:attendance.toCome.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
