import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, TrainingModule } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useClientId } from '@/hooks/use-client-id';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { useCreateTrainingModule } from '../api/trainings';

/** Themes typed as a list separated by commas or semicolons, each once. */
export const parseThemes = (text: string) => [
  ...new Set(
    text
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A new module: its title in French and in Dutch (both required), its themes. */
export function ModuleForm({
  onSaved,
  onCancel,
}: {
  onSaved: (module: TrainingModule) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('trainings');
  const create = useCreateTrainingModule();
  const clientId = useClientId();
  const [titleFr, setTitleFr] = useState('');
  const [titleNl, setTitleNl] = useState('');
  const [themes, setThemes] = useState('');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(create.error) ? create.error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!titleFr.trim()) next.titleFr = 'required';
    if (!titleNl.trim()) next.titleNl = 'required';
    const list = parseThemes(themes);
    if (list.some((theme) => theme.length > 80)) next.themes = 'tooLong';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      { id: clientId.id, titleFr: titleFr.trim(), titleNl: titleNl.trim(), themes: list },
      { onSuccess: onSaved },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'training-module' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('moduleForm.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <Field label={t('moduleForm.titleFr')} error={fieldError('titleFr')}>
        <input
          name="titleFr"
          lang="fr"
          required
          maxLength={200}
          value={titleFr}
          onChange={(e) => setTitleFr(e.target.value)}
        />
      </Field>
      <Field label={t('moduleForm.titleNl')} error={fieldError('titleNl')}>
        <input
          name="titleNl"
          lang="nl"
          required
          maxLength={200}
          value={titleNl}
          onChange={(e) => setTitleNl(e.target.value)}
        />
      </Field>
      <Field label={t('moduleForm.themes')} hint={t('moduleForm.themesHint')} error={fieldError('themes')}>
        <input name="themes" value={themes} onChange={(e) => setThemes(e.target.value)} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('moduleForm.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
