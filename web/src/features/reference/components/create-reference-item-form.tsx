import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ReferenceItem, ReferenceKind } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { BilingualNameFields } from '@/components/bilingual-name-fields';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useCreateReferenceItem } from '../api/create-reference-item';
import { parsePostalCodes } from './postal-codes';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface CreateReferenceItemFormProps {
  kind: ReferenceKind;
  /** Where the new item goes in the list: after the others (the API would put it first). */
  sortOrder: number;
  onCreated: (item: ReferenceItem) => void;
  onCancel: () => void;
}

export function CreateReferenceItemForm({
  kind,
  sortOrder,
  onCreated,
  onCancel,
}: CreateReferenceItemFormProps) {
  const { t } = useTranslation('reference');
  const create = useCreateReferenceItem();
  const clientId = useClientId();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState({ fr: '', nl: '' });
  const [postalCodes, setPostalCodes] = useState('');
  const fieldError = (name: string) => (isApiError(create.error) ? create.error.fieldError(name) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      {
        kind,
        body: {
          id: clientId.id,
          code: code.trim(),
          labelFr: label.fr.trim(),
          labelNl: label.nl.trim(),
          sortOrder,
          ...(kind === 'commune' ? { postalCodes: parsePostalCodes(postalCodes) } : {}),
        },
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <DraftForm
      draft={{ id: `reference-${kind}` }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('form.title', { kind: t(`kinds.${kind}`) })}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <Field label={t('form.code')} hint={t('form.codeHint')} error={fieldError('code')}>
        <input
          name="code"
          autoComplete="off"
          required
          maxLength={60}
          className="mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <BilingualNameFields
        names={{ fr: 'labelFr', nl: 'labelNl' }}
        labels={{ fr: t('form.labelFr'), nl: t('form.labelNl') }}
        values={label}
        onChange={(language, value) => setLabel((l) => ({ ...l, [language]: value }))}
        fieldError={fieldError}
      />
      {kind === 'commune' && (
        <Field
          label={t('form.postalCodes')}
          hint={t('form.postalCodesHint')}
          error={fieldError('postalCodes')}
        >
          <input
            name="postalCodes"
            inputMode="numeric"
            value={postalCodes}
            onChange={(e) => setPostalCodes(e.target.value)}
          />
        </Field>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
