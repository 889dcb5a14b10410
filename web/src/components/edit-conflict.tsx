import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditConflictState } from '@/hooks/use-edit-conflict';

interface EditConflictProps {
  /** The form's update, `useEditConflict(useUpdate…())`. */
  edit: Pick<EditConflictState, 'conflict' | 'isPending' | 'keepMine' | 'takeTheirs'>;
  /** The form's own label for a field of the update body. */
  label: (field: string) => string;
  /** A value as the user reads it (a list of ids as their names); text as it is by default. */
  display?: (field: string, value: unknown) => string;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Someone else changed the same fields meanwhile (412 after the SPA compared them): both values
 * per field, and the choice of which to keep. Shown where the form shows its errors (in place of its error alert), or in place for an
 * inline edit.
 */
export function EditConflict({ edit, label, display }: EditConflictProps) {
  const { t } = useTranslation('common');
  const titleId = useId();
  const error = edit.conflict;
  if (!error) return null;
  const show = (field: string, value: unknown) =>
    (display ? display(field, value) : plain(value)) || t('none');
  return (
    <section className="alert alert--error conflict" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="conflict__title">
        {t('conflict.title')}
      </h2>
      <p>{t('conflict.intro')}</p>
      <dl className="conflict__fields">
        {error.fields.map((f) => (
          <div key={f.field} className="conflict__field">
            <dt>{label(f.field)}</dt>
            <dd>
              <span className="conflict__which">{t('conflict.mine')}</span>{' '}
              <span>{show(f.field, f.mine)}</span>
            </dd>
            <dd>
              <span className="conflict__which">{t('conflict.theirs')}</span>{' '}
              <span>{show(f.field, f.theirs)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="form__actions">
        <button type="button" className="button--primary" disabled={edit.isPending} onClick={edit.keepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" disabled={edit.isPending} onClick={edit.takeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
