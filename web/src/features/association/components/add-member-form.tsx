import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useCreateMember } from '../api/create-member';
import { holderName } from './holder-name';
import { HolderPicker, holderInput } from './holder-picker';
import type { HolderChoice } from './holder-picker';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface AddMemberFormProps {
  onAdded: (name: string) => void;
  onCancel: () => void;
}

export function AddMemberForm({ onAdded, onCancel }: AddMemberFormProps) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const create = useCreateMember();
  const clientId = useClientId();
  const [holder, setHolder] = useState<HolderChoice>({ kind: 'organisation', organisation: null });
  const [startsOn, setStartsOn] = useState(today());
  const [missing, setMissing] = useState(false);
  const fieldError = (name: string) => (isApiError(create.error) ? create.error.fieldError(name) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = holderInput(holder);
    // The picker holds the one field the API cannot name as missing until sent.
    if (!input) return setMissing(true);
    const name =
      holder.kind === 'organisation'
        ? holderName({ kind: 'organisation', organisation: holder.organisation, person: null }, locale)
        : holderName({ kind: 'person', organisation: null, person: holder.person }, locale);
    create.mutate({ id: clientId.id, ...input, startsOn }, { onSuccess: () => onAdded(name) });
  };

  return (
    <DraftForm
      draft={{ id: 'member' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('members.add.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <HolderPicker
        value={holder}
        onChange={(value) => {
          setHolder(value);
          setMissing(false);
        }}
        error={missing ? 'required' : (fieldError('organisationId') ?? fieldError('personId'))}
      />
      <Field label={t('members.add.startsOn')} error={fieldError('startsOn')}>
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending || !startsOn}>
          {t('members.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
