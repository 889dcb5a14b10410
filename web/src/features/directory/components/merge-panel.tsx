import { useState } from 'react';
import type { ReactNode } from 'react';
import { kindName, type MergePreview } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';

interface MergePanelProps {
  title: string;
  intro: string;
  /** The search for the duplicate; the parent holds what was picked. */
  picker: ReactNode;
  /** What the confirmation says, once a duplicate is picked. */
  confirmText: string | null;
  /** What the merge would move, per kind, once a duplicate is picked (the API says). */
  preview: MergePreview | undefined;
  pending: boolean;
  error: unknown;
  onConfirm: (done: () => void) => void;
}

/** Administrators only: pick a duplicate, confirm in a dialog (it cannot be undone), merge. */
export function MergePanel({
  title,
  intro,
  picker,
  confirmText,
  preview,
  pending,
  error,
  onConfirm,
}: MergePanelProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  // A module's rule refuses it: said next to the duplicate, and nothing to confirm.
  const ready = confirmText !== null && preview !== undefined && preview.refusal === null;

  return (
    <section className="panel panel--danger" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 id="merge-title">{title}</h2>
      <p className="muted">{intro}</p>
      <div className="form">
        <ErrorAlert error={error} />
        {picker}
        <div className="form__actions">
          <button type="button" disabled={!ready || pending} onClick={() => setConfirming(true)}>
            {t('merge.open')}
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming && ready}
        title={t('merge.confirmTitle')}
        confirmLabel={t('merge.submit')}
        cancelLabel={t('merge.cancel')}
        busy={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => onConfirm(() => setConfirming(false))}
      >
        <p>{confirmText}</p>
        {preview && preview.moves.length === 0 && <p>{t('merge.nothingMoves')}</p>}
        {preview && preview.moves.length > 0 && (
          <>
            <p>{t('merge.moves')}</p>
            <ul data-testid="merge-moves">
              {preview.moves.map((move) => (
                <li key={move.kind}>
                  {t(move.readable ? 'merge.move' : 'merge.moveUnreadable', {
                    name: kindName(move.kind, locale, move.count),
                    count: move.count,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
