import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';

interface MergePanelProps {
  title: string;
  intro: string;
  /** The search for the duplicate; the parent holds what was picked. */
  picker: ReactNode;
  /** What the confirmation says, once a duplicate is picked. */
  confirmText: string | null;
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
  pending,
  error,
  onConfirm,
}: MergePanelProps) {
  const { t } = useTranslation('directory');
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="panel panel--danger" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 id="merge-title">{title}</h2>
      <p className="muted">{intro}</p>
      <div className="form">
        <ErrorAlert error={error} />
        {picker}
        <div className="form__actions">
          <button type="button" disabled={!confirmText || pending} onClick={() => setConfirming(true)}>
            {t('merge.open')}
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming && confirmText !== null}
        title={t('merge.confirmTitle')}
        confirmLabel={t('merge.submit')}
        cancelLabel={t('merge.cancel')}
        busy={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => onConfirm(() => setConfirming(false))}
      >
        <p>{confirmText}</p>
      </ConfirmDialog>
    </section>
  );
}
