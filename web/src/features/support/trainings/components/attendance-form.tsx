import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, TrainingEdition, TrainingSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { personName } from '@/features/directory';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { formatDay } from '@/lib/format';
import { useSaveTrainingAttendance } from '../api/trainings';

/**
 * Who was present on one day of the edition, as the intervision attendance does it: one box per
 * participant, "all present" to tick them all, the others absent once saved. A colleague's list
 * saved meanwhile is shown next to the user's (EditConflict), never replaced silently.
 */
export function AttendanceForm({
  edition,
  session,
  onSaved,
  onCancel,
}: {
  edition: TrainingEdition;
  session: TrainingSession;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['trainings', 'errors']);
  const locale = useLocale();
  const save = useEditConflict(useSaveTrainingAttendance());
  const [present, setPresent] = useState<Set<string>>(() => new Set(session.presentIds));
  const participants = edition.participantList;
  const day = formatDay(session.heldOn, locale);
  // `participantIds/1` names the second participant sent.
  const sent = save.variables?.body.participantIds ?? [];
  const refused = new Map<string, FieldErrorCode>();
  if (isApiError(save.error)) {
    for (const e of save.error.errors) {
      const [field, index] = e.field.replace(/^\/+/, '').split('/');
      const id = field === 'participantIds' ? sent[Number(index)] : undefined;
      if (id) refused.set(id, e.code);
    }
  }
  const toggle = (id: string, on: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      { base: edition, sessionId: session.id, body: { participantIds: [...present] } },
      { onSuccess: onSaved },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'training-attendance', recordId: session.id, version: edition.version }}
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('trainings:attendance.title', { day })}
    >
      <ErrorAlert error={save.error} />
      {/* A colleague changed this day's list meanwhile: both lists, by name. */}
      <EditConflict
        edit={save}
        label={() => t('trainings:attendance.title', { day })}
        display={(_field, value) =>
          ((value as string[] | undefined) ?? [])
            .map((id) => {
              const p = participants.find((x) => x.id === id);
              return p ? personName(p.person) : id;
            })
            .join(', ')
        }
      />
      <fieldset className="fieldset">
        <legend>{t('trainings:attendance.title', { day })}</legend>
        <ul className="attendance__list">
          {participants.map((p) => {
            const code = present.has(p.id) ? refused.get(p.id) : undefined;
            return (
              <li key={p.id} className={code ? 'field--invalid' : undefined}>
                <label className="checkbox attendance__person">
                  <input
                    type="checkbox"
                    checked={present.has(p.id)}
                    aria-invalid={code ? true : undefined}
                    aria-describedby={code ? `present-${p.id}-error` : undefined}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <span>{personName(p.person)}</span>
                </label>
                {code && (
                  <p className="field__error" id={`present-${p.id}-error`}>
                    {t(`errors:fieldErrors.${code}`)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          disabled={participants.every((p) => present.has(p.id))}
          onClick={() => setPresent(new Set(participants.map((p) => p.id)))}
        >
          {t('trainings:attendance.allPresent')}
        </button>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          {t('trainings:attendance.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('trainings:cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
