import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useLocale } from '@/hooks/use-locale';

/**
 * A whole file refused (a formula in B3, too many rows…): said with what the API names, in
 * the user's words; any other failure as the generic error.
 */
export function FileError({ error }: { error: unknown }) {
  const { t } = useTranslation(['imports', 'errors']);
  const locale = useLocale();
  const detail = isApiError(error) ? error.fieldErrorDetail('file') : null;
  if (!detail) return <ErrorAlert error={error} />;
  const params = detail.params ?? {};
  const number = (value: string | number | undefined) =>
    typeof value === 'number' ? formatNumber(value, locale) : (value ?? '');
  const values = {
    ...params,
    maxRows: number(params.maxRows),
    // The limit in megabytes, as a person thinks of a file's size.
    maxMb: typeof params.maxBytes === 'number' ? formatNumber(params.maxBytes / (1024 * 1024), locale) : '',
  };
  return (
    <div className="alert alert--error" role="alert" data-testid="file-error">
      <p className="alert__title">{t('imports:fileRefused')}</p>
      <p>
        {detail.code === 'tooLarge'
          ? t('errors:fieldErrors.tooLarge', { ...values, context: 'file' })
          : t(`errors:fieldErrors.${detail.code}`, values)}
      </p>
    </div>
  );
}
