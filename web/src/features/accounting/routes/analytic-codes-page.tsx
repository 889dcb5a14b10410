import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AnalyticCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { useAnalyticCodes, useUpdateAnalyticCode } from '../api/analytic-codes';

/** One source of money lines: its name and the code its lines are booked on, set in place. */
function AnalyticCodeForm({ source, onSaved }: { source: AnalyticCode; onSaved: (text: string) => void }) {
  const { t } = useTranslation('accounting');
  const locale = useLocale();
  const update = useEditConflict(useUpdateAnalyticCode());
  const [code, setCode] = useState(source.code ?? '');
  const name = source.label[locale];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.trim();
    update.mutate(
      { base: source, body: { code: value === '' ? null : value } },
      {
        // Said from the code saved: after a conflict it may be the one someone else set.
        onSuccess: (saved) =>
          onSaved(saved.code ? t('saved', { name, code: saved.code }) : t('cleared', { name })),
      },
    );
  };
  return (
    <DraftForm
      draft={{ id: 'analytic-code', recordId: source.id, version: source.version }}
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('formFor', { name })}
    >
      <h2>{name}</h2>
      <ErrorAlert error={update.error} />
      <EditConflict edit={update} label={() => t('codeFor', { name })} />
      <Field
        label={t('codeFor', { name })}
        hint={t('codeHint')}
        error={isApiError(update.error) ? update.error.fieldError('code') : null}
      >
        <input
          name="code"
          autoComplete="off"
          maxLength={40}
          className="mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={update.isPending}>
          {t('save')}
        </button>
      </div>
    </DraftForm>
  );
}

/** Comptabilité: the analytic or grant code each source of money lines is booked on (decision 23). */
export function AnalyticCodesPage() {
  const { t } = useTranslation('accounting');
  useDocumentTitle(t('title'));
  const codes = useAnalyticCodes();
  const [said, setSaid] = useState<string | null>(null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <p role="status">{said}</p>
      {codes.isPending ? (
        <FullPageLoading />
      ) : codes.isError ? (
        <ErrorAlert error={codes.error} />
      ) : (
        codes.data.items.map((source) => (
          <AnalyticCodeForm key={`${source.id}-${source.version}`} source={source} onSaved={setSaid} />
        ))
      )}
    </>
  );
}
