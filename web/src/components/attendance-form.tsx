import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import type { EditConflictState } from '@/hooks/use-edit-conflict';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import type { DraftOptions } from '@/lib/drafts';

/** One line of the list: whom the box is for. */
export interface AttendancePerson {
  id: string;
  name: string;
}

interface AttendanceFormProps {
  draft: DraftOptions;
  /** "Attendance of <day>": the form's name, its list's legend and the conflict panel's label. */
  title: string;
  /** One box each, in this order. */
  people: readonly AttendancePerson[];
  /** Who is present as the record stands. */
  present: readonly string[];
  /** The save, `useEditConflict(useSave…())`: its refusals and conflict are shown here. */
  save: Pick<EditConflictState, 'conflict' | 'error' | 'isPending' | 'variables' | 'keepMine' | 'takeTheirs'>;
  /** The body's list of ids: a refusal of `<field>/2` marks the third id sent. */
  field: string;
  /** A name for any id a conflict shows (someone no longer listed); the id itself otherwise. */
  nameOf: (id: string) => string | undefined;
  /** The ids ticked, when the user saves. */
  onSave: (present: string[]) => void;
  onCancel: () => void;
  labels: { allPresent: string; save: string; cancel: string };
  /** Shown above the list (what saving does to the record). */
  hint?: ReactNode;
  /** Shown instead of an empty list, which cannot then be saved; an empty list is shown otherwise. */
  nobody?: string;
}

/**
 * Who was present (intervision sessions, Support's training days): one box per person, "all
 * present" to tick them all, the others absent once saved. A refusal is said on its line; a
 * colleague's list saved meanwhile is shown next to the user's (EditConflict), never replaced
 * silently. "All present" adds to the ticked ones: saving never drops a presence nobody could see.
 */
export function AttendanceForm(props: AttendanceFormProps) {
  const { draft, title, people, save, field, nameOf, onSave, onCancel, labels, hint, nobody } = props;
  const { t } = useTranslation(['errors']);
  const [present, setPresent] = useState<Set<string>>(() => new Set(props.present));
  const body = save.variables?.body as Record<string, unknown> | undefined;
  const sent = (body?.[field] as string[] | undefined) ?? [];
  const refused = new Map<string, FieldErrorCode>();
  if (isApiError(save.error)) {
    for (const e of save.error.errors) {
      const [name, index] = e.field.replace(/^\/+/, '').split('/');
      const id = name === field ? sent[Number(index)] : undefined;
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
    onSave([...present]);
  };
  const empty = nobody !== undefined && people.length === 0;

  return (
    <DraftForm draft={draft} className="form" onSubmit={onSubmit} noValidate aria-label={title}>
      <ErrorAlert error={save.error} />
      {/* A colleague changed this list meanwhile: both lists, by name. */}
      <EditConflict
        edit={save}
        label={() => title}
        display={(_field, value) =>
          ((value as string[] | undefined) ?? []).map((id) => nameOf(id) ?? id).join(', ')
        }
      />
      {hint}
      {empty ? (
        <p className="muted">{nobody}</p>
      ) : (
        <fieldset className="fieldset">
          <legend>{title}</legend>
          <ul className="attendance__list">
            {people.map((p) => {
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
                    <span>{p.name}</span>
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
            disabled={people.every((p) => present.has(p.id))}
            onClick={() => setPresent((current) => new Set([...current, ...people.map((p) => p.id)]))}
          >
            {labels.allPresent}
          </button>
        </fieldset>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={save.isPending || empty}>
          {labels.save}
        </button>
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </DraftForm>
  );
}
