import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';

/** Translates an error's `code`; the server's own wording never reaches the screen. */
export function useErrorText() {
  const { t } = useTranslation('errors');
  return (error: unknown) => t(`errors.${isApiError(error) ? error.code : 'INTERNAL'}`);
}

export function ErrorAlert({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p className="alert alert--error" role="alert">
      {errorText(error)}
    </p>
  );
}
