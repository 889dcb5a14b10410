import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, TrainingModule, UpdateTrainingModuleBody } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { BilingualNameFields } from '@/components/bilingual-name-fields';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useClientId } from '@/hooks/use-client-id';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { useCreateTrainingModule, useUpdateTrainingModule } from '../api/trainings';
import { moduleTitle } from './module-title';

/** Themes typed as a list separated by commas or semicolons, each once. */
export const parseThemes = (text: string) => [
  ...new Set(
    text
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/**
 * A module: its title in French and in Dutch (both required), and when new its themes. Editing
 * (`module` given) corrects the titles: only what changed is sent, over the version loaded;
 * someone else's change of the same title shows both (EditConflict).
 */
export function ModuleForm({
  module,
  onSaved,
  onCancel,
}: {
  module?: TrainingModule;
  onSaved: (module: TrainingModule) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('trainings');
  const locale = useLocale();
  const create = useCreateTrainingModule();
  const update = useEditConflict(useUpdateTrainingModule());
  const clientId = useClientId();
  const [title, setTitle] = useState({ fr: module?.titleFr ?? '', nl: module?.titleNl ?? '' });
  const [themes, setThemes] = useState('');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const error = module ? update.error : create.error;
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(error) ? error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const titleFr = title.fr.trim();
    const titleNl = title.nl.trim();
    const next: Record<string, FieldErrorCode> = {};
    if (!titleFr) next.titleFr = 'required';
    if (!titleNl) next.titleNl = 'required';
    const list = parseThemes(themes);
    if (!module && list.some((theme) => theme.length > 80)) next.themes = 'tooLong';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    if (!module) {
      create.mutate({ id: clientId.id, titleFr, titleNl, themes: list }, { onSuccess: onSaved });
      return;
    }
    const body: UpdateTrainingModuleBody = {};
    if (titleFr !== module.titleFr) body.titleFr = titleFr;
    if (titleNl !== module.titleNl) body.titleNl = titleNl;
    if (Object.keys(body).length === 0) return onCancel();
    update.mutate({ base: module, body }, { onSuccess: onSaved });
  };

  const formTitle = module
    ? t('moduleForm.editTitle', { title: moduleTitle(module, locale) })
    : t('moduleForm.title');
  return (
    <DraftForm
      draft={
        module
          ? { id: 'training-module', recordId: module.id, version: module.version }
          : { id: 'training-module' }
      }
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={formTitle}
    >
      {!module && clientId.field}
      <ErrorAlert error={error} />
      {module && <EditConflict edit={update} label={(field) => t(`moduleForm.${field as 'titleFr'}`)} />}
      <BilingualNameFields
        names={{ fr: 'titleFr', nl: 'titleNl' }}
        labels={{ fr: t('moduleForm.titleFr'), nl: t('moduleForm.titleNl') }}
        values={title}
        onChange={(language, value) => setTitle((v) => ({ ...v, [language]: value }))}
        fieldError={fieldError}
      />
      {!module && (
        <Field label={t('moduleForm.themes')} hint={t('moduleForm.themesHint')} error={fieldError('themes')}>
          <input name="themes" value={themes} onChange={(e) => setThemes(e.target.value)} />
        </Field>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button--primary"
          disabled={module ? update.isPending : create.isPending}
        >
          {module ? t('moduleForm.save') : t('moduleForm.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
