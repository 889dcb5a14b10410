import type { Period } from '@smes/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useSaveReport } from '../api/saved-reports';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

/**
 * Saves the report as it is sent: the period, every figure and the charts open on the page.
 * Only the request is sent; the server computes and keeps the values itself.
 */
export function SaveReportForm({
  period,
  breakdowns,
}: {
  period: Period;
  breakdowns: { figureId: string; dimension: string }[];
}) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const navigate = useNavigate();
  const save = useSaveReport();
  const clientId = useClientId();
  const suggested = t('save.defaultTitle', {
    from: formatDay(period.from, locale),
    to: formatDay(period.to, locale),
  });
  const [title, setTitle] = useState<string | null>(null);
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      { id: clientId.id, title: (title ?? suggested).trim(), ...period, breakdowns },
      { onSuccess: (report) => void navigate(`/reports/${report.id}`) },
    );
  };

  return (
    <section className="report-save no-print" aria-labelledby="save-heading">
      <h2 id="save-heading">{t('save.heading')}</h2>
      <p className="muted">{t('save.help')}</p>
      <DraftForm
        draft={{ id: 'save-report' }}
        className="form"
        aria-labelledby="save-heading"
        onSubmit={onSubmit}
        noValidate
      >
        {clientId.field}
        <Field label={t('save.title')} error={fieldError('title')}>
          <input
            type="text"
            required
            maxLength={200}
            value={title ?? suggested}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        {save.isError && !fieldError('title') && <ErrorAlert error={save.error} />}
        <div className="form__actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            {save.isPending ? t('save.saving') : t('save.submit')}
          </button>
        </div>
      </DraftForm>
    </section>
  );
}
