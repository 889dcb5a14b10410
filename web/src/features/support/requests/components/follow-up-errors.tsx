import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';

const path = (field: string) => field.replace(/^\/+/, '').replace(/\./g, '/');

/**
 * A field's error: the form's own check first, then the API's for that field or inside it
 * (`workerIds` holds `workerIds/1`; `requester/personId` is its own).
 */
export function fieldErrorOf(local: Record<string, FieldErrorCode>, error: unknown) {
  return (field: string): FieldErrorCode | null => {
    if (local[field]) return local[field];
    if (!isApiError(error)) return null;
    const hit = error.errors.find((e) => path(e.field) === field || path(e.field).startsWith(`${field}/`));
    return hit?.code ?? null;
  };
}

/**
 * A step's refusal said plainly: a closed request (reopen it first), an open one, or the
 * error's general wording; the fields at fault say their own error under them.
 */
export function StepError({ error }: { error: unknown }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const status = isApiError(error) ? error.fieldError('status') : null;
  if (status)
    return (
      <p className="alert alert--error" role="alert">
        {t(`fieldErrors.${status}`)}
      </p>
    );
  return <ErrorAlert error={error} />;
}
