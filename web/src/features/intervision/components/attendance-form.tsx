import { useState } from 'react';
import type { FormEvent } from 'react';
import { activeOn, type FieldErrorCode, type Registration, type Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useSaveAttendance } from '../api/save-attendance';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { participantLabel } from './participant-name';
import { DraftForm } from '@/lib/drafts';

interface AttendanceFormProps {
  session: Session;
  registrations: readonly Registration[];
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * One box per participant on the session's day: the registered ones, those who withdrew on that
 * day or later, and anyone already marked present, so saving never drops a presence nobody
 * could see. The API refuses someone who had withdrawn before the day (`withdrawnBefore`): the
 * line says so. Attendance marks a planned session held: on a day still to come, only after the
 * same question as "held" (decision 15), and the API refuses it otherwise (`sessionToCome`).
 */
export function AttendanceForm({ session, registrations, onSaved, onCancel }: AttendanceFormProps) {
  const { t } = useTranslation(['intervision', 'errors']);
  const locale = useLocale();
  const save = useEditConflict(useSaveAttendance());
  const [present, setPresent] = useState<Set<string>>(() => new Set(session.attendance));
  const [asking, setAsking] = useState(false);
  const participants = registrations.filter(
    (r) => activeOn(r, session.startsOn) || session.attendance.includes(r.id),
  );
  const day = formatDay(session.startsOn, locale);
  // `registrationIds/2` names the third registration sent.
  const sent = save.variables?.body.registrationIds ?? [];
  const refused = new Map<string, FieldErrorCode>();
  if (isApiError(save.error)) {
    for (const e of save.error.errors) {
      const [field, index] = e.field.replace(/^\/+/, '').split('/');
      const id = field === 'registrationIds' ? sent[Number(index)] : undefined;
      if (id) refused.set(id, e.code);
    }
  }

  const send = (confirmToCome: boolean) => {
    const registrationIds = [...present];
    save.mutate(
      { base: session, body: confirmToCome ? { registrationIds, confirmToCome } : { registrationIds } },
      {
        onSuccess: onSaved,
        // This device's calendar may lag Brussels': the API's refusal asks the question too.
        onError: (error) => {
          if (isApiError(error) && error.errors.some((e) => e.code === 'sessionToCome')) setAsking(true);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (session.status === 'planned' && present.size > 0 && session.startsOn > today()) setAsking(true);
    else send(false);
  };
  const toggle = (id: string, on: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <DraftForm
        draft={{ id: 'attendance', recordId: session.id, version: session.version }}
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('intervision:attendance.title', { day })}
      >
        <ErrorAlert error={save.error} />
        <EditConflict
          edit={save}
          label={() => t('intervision:attendance.title', { day })}
          display={(_field, value) =>
            (value as string[])
              .map((id) => {
                const r = registrations.find((x) => x.id === id);
                return r ? participantLabel(r, locale, t('intervision:registrations.removed')) : id;
              })
              .join(', ')
          }
        />
        {session.status === 'planned' && <p className="muted">{t('intervision:attendance.plannedHint')}</p>}
        {participants.length === 0 ? (
          <p className="muted">{t('intervision:attendance.nobody')}</p>
        ) : (
          <fieldset className="fieldset">
            <legend>{t('intervision:attendance.title', { day })}</legend>
            <ul className="attendance__list">
              {participants.map((r) => {
                const code = present.has(r.id) ? refused.get(r.id) : undefined;
                return (
                  <li key={r.id} className={code ? 'field--invalid' : undefined}>
                    <label className="checkbox attendance__person">
                      <input
                        type="checkbox"
                        checked={present.has(r.id)}
                        aria-invalid={code ? true : undefined}
                        aria-describedby={code ? `present-${r.id}-error` : undefined}
                        onChange={(e) => toggle(r.id, e.target.checked)}
                      />
                      <span>{participantLabel(r, locale, t('intervision:registrations.removed'))}</span>
                    </label>
                    {code && (
                      <p className="field__error" id={`present-${r.id}-error`}>
                        {t(`errors:fieldErrors.${code}`)}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              disabled={participants.every((r) => present.has(r.id))}
              onClick={() => setPresent((current) => new Set([...current, ...participants.map((r) => r.id)]))}
            >
              {t('intervision:attendance.allPresent')}
            </button>
          </fieldset>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="button--primary"
            disabled={save.isPending || participants.length === 0}
          >
            {t('intervision:attendance.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('intervision:cancel')}
          </button>
        </div>
      </DraftForm>
      {asking && (
        <ConfirmDialog
          open
          title={t('intervision:sessions.future.title', { day })}
          confirmLabel={t('intervision:attendance.toCome.confirm')}
          cancelLabel={t('intervision:sessions.cancelClose')}
          busy={save.isPending}
          onConfirm={() => {
            setAsking(false);
            send(true);
          }}
          onCancel={() => setAsking(false)}
        >
          <p>{t('intervision:attendance.toCome.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
