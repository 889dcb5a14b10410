import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isEditConflict } from '@/lib/versioned';

interface EditConflictProps {
  error: unknown;
  /** The form's own label for a field of the update body. */
  label: (field: string) => string;
  /** A value as the user reads it (a list of ids as their names); text as it is by default. */
  display?: (field: string, value: unknown) => string;
  busy?: boolean;
  /** Send the user's values again, over the version now on the server. */
  onKeepMine: () => void;
  /** Keep what is on the server for these fields (the user's other changes still go). */
  onTakeTheirs: () => void;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Someone else changed the same fields meanwhile (412 after the SPA compared them): both values
 * per field, and the choice of which to keep. Shown where the form shows its errors.
 */
export function EditConflict({ error, label, display, busy, onKeepMine, onTakeTheirs }: EditConflictProps) {
  const { t } = useTranslation('common');
  const titleId = useId();
  if (!isEditConflict(error)) return null;
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
        <button type="button" className="button--primary" disabled={busy} onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
