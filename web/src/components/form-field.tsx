import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** A field error code from the API, shown translated under the control. */
  error?: FieldErrorCode | null;
  /**
   * Picks a more precise wording where one exists (`taken` + `cycle` → `fieldErrors.taken_cycle`),
   * else the plain one: "already used by another account" says nothing true of a cycle's name.
   */
  errorContext?: string;
  /** Something to check that does not stop saving (a postal code another commune has). */
  warning?: ReactNode;
  /** One input/select; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<{
    id?: string;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
  }>;
}

export function Field({ label, hint, error, errorContext, warning, children }: FieldProps) {
  const { t } = useTranslation('errors');
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const warningId = warning ? `${id}-warning` : undefined;
  const describedBy = [hintId, warningId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {warning && (
        <p className="field__warning" id={warningId} data-testid="field-warning">
          {warning}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {t(`fieldErrors.${error}`, { context: errorContext })}
        </p>
      )}
    </div>
  );
}

interface FieldsetProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldErrorCode | null;
  children: ReactNode;
}

/** A group of checkboxes or radios with one legend, hint and error. */
export function Fieldset({ legend, hint, error, children }: FieldsetProps) {
  const { t } = useTranslation('errors');
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'fieldset field--invalid' : 'fieldset'}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <div className="fieldset__options">{children}</div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {t(`fieldErrors.${error}`)}
        </p>
      )}
    </fieldset>
  );
}
