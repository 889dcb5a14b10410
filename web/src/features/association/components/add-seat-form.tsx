import { useState } from 'react';
import type { FormEvent } from 'react';
import { GOVERNANCE_BODIES, SEAT_ROLES } from '@smes/shared';
import type { GovernanceBody, PersonSummary, SeatRole } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { PersonPicker } from '@/features/directory';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useCreateSeat } from '../api/create-seat';
import { HolderPicker, holderInput } from './holder-picker';
import type { HolderChoice } from './holder-picker';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface AddSeatFormProps {
  onAdded: () => void;
  onCancel: () => void;
}

/** A seat goes to a member on its first day; an organisation sits through a representative. */
export function AddSeatForm({ onAdded, onCancel }: AddSeatFormProps) {
  const { t } = useTranslation('association');
  const create = useCreateSeat();
  const clientId = useClientId();
  const [body, setBody] = useState<GovernanceBody>('general_assembly');
  const [holder, setHolder] = useState<HolderChoice>({ kind: 'organisation', organisation: null });
  const [representative, setRepresentative] = useState<PersonSummary | null>(null);
  const [role, setRole] = useState<SeatRole>('member');
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldError = (name: string) => (isApiError(create.error) ? create.error.fieldError(name) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = holderInput(holder);
    if (!input) return setMissing(true);
    create.mutate(
      {
        id: clientId.id,
        body,
        ...input,
        ...(holder.kind === 'organisation' && representative ? { representativeId: representative.id } : {}),
        role,
        startsOn,
        ...(endsOn ? { endsOn } : {}),
      },
      { onSuccess: onAdded },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'seat' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('governance.add.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <Field label={t('governance.add.body')} error={fieldError('body')}>
        <select name="body" value={body} onChange={(e) => setBody(e.target.value as GovernanceBody)}>
          {GOVERNANCE_BODIES.map((b) => (
            <option key={b} value={b}>
              {t(`bodies.${b}`)}
            </option>
          ))}
        </select>
      </Field>
      <HolderPicker
        value={holder}
        onChange={(value) => {
          setHolder(value);
          setMissing(false);
        }}
        error={missing ? 'required' : (fieldError('organisationId') ?? fieldError('personId'))}
      />
      {holder.kind === 'organisation' && (
        <PersonPicker
          label={t('governance.add.representative')}
          value={representative}
          onChange={setRepresentative}
        />
      )}
      <Field label={t('governance.add.role')} error={fieldError('role')}>
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as SeatRole)}>
          {SEAT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('governance.add.startsOn')} error={fieldError('startsOn')}>
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </Field>
      <Field label={t('governance.add.endsOn')} error={fieldError('endsOn')}>
        <input
          name="endsOn"
          type="date"
          min={startsOn || undefined}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending || !startsOn}>
          {t('governance.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
