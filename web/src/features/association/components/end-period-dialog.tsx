import { useState } from 'react';
import type { ReactNode } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { today } from '@/lib/bilingual';

interface EndPeriodDialogProps {
  title: string;
  body: string;
  startsOn: string;
  busy: boolean;
  error: unknown;
  fieldError: FieldErrorCode | null;
  /** Shown with the errors: the period changed by someone else meanwhile. */
  conflict?: ReactNode;
  onConfirm: (endsOn: string) => void;
  onCancel: () => void;
}

/** Ends a membership or a seat on a day (today unless changed); the period stays on record. */
export function EndPeriodDialog(props: EndPeriodDialogProps) {
  const { title, body, startsOn, busy, error, fieldError, conflict, onConfirm, onCancel } = props;
  const { t } = useTranslation('association');
  const [endsOn, setEndsOn] = useState(today() < startsOn ? startsOn : today());
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={t('end.confirm')}
      cancelLabel={t('end.cancel')}
      busy={busy || !endsOn}
      onConfirm={() => onConfirm(endsOn)}
      onCancel={onCancel}
    >
      <p>{body}</p>
      {!fieldError && <ErrorAlert error={error} />}
      {conflict}
      <Field label={t('end.endsOn')} error={fieldError}>
        <input
          type="date"
          required
          min={startsOn}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
