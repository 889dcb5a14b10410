import { useState } from 'react';
import type { FormEvent } from 'react';
import type { OrganisationRef, Session } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { OrganisationPicker } from '@/features/directory';
import { isApiError } from '@/lib/api-client';
import { useCreateSession } from '../api/create-session';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface AddSessionFormProps {
  groupId: string;
  onAdded: (session: Session) => void;
  onCancel: () => void;
}

/** One date, and the organisation that receives the group and presents its service. */
export function AddSessionForm({ groupId, onAdded, onCancel }: AddSessionFormProps) {
  const { t } = useTranslation('intervision');
  const create = useCreateSession();
  const clientId = useClientId();
  const [startsOn, setStartsOn] = useState('');
  const [host, setHost] = useState<OrganisationRef | null>(null);
  const [missing, setMissing] = useState(false);
  const fieldError = (field: string) => (isApiError(create.error) ? create.error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!startsOn) return setMissing(true);
    create.mutate(
      { id: clientId.id, groupId, startsOn, ...(host ? { hostOrganisationId: host.id } : {}) },
      { onSuccess: onAdded },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'session', recordId: groupId }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('sessions.add.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <Field
        label={t('sessions.add.startsOn')}
        error={missing ? 'required' : fieldError('startsOn')}
        errorContext="session"
      >
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => {
            setStartsOn(e.target.value);
            setMissing(false);
            create.reset();
          }}
        />
      </Field>
      <OrganisationPicker
        label={t('sessions.add.host')}
        value={host}
        onChange={setHost}
        error={fieldError('hostOrganisationId')}
      />
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('sessions.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
