import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  DEFAULT_INTERVISION_FEES,
  normaliseAmount,
  type Cycle,
  type FieldErrorCode,
  type UpdateCycleBody,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { parseAmountInput } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { useCreateCycle } from '../api/create-cycle';
import { useUpdateCycle } from '../api/update-cycle';
import { seasonOf } from './season';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';
import { useEditConflict } from '@/hooks/use-edit-conflict';

interface CycleFormProps {
  /** The cycle being corrected; none for a new one. */
  cycle?: Cycle;
  onSaved: (cycle: Cycle) => void;
  onCancel: () => void;
}

/** "120.00" from the API as people type it here: "120,00". */
const feeInput = (amount: string) => amount.replace('.', ',');

/**
 * A season, September to June by default, at €120 for members and €150 for the others; or the
 * corrections to one (only what changed is sent: a new fee applies to later registrations).
 */
export function CycleForm({ cycle, onSaved, onCancel }: CycleFormProps) {
  const { t } = useTranslation('intervision');
  const create = useCreateCycle();
  const clientId = useClientId();
  const update = useEditConflict(useUpdateCycle());
  const mutation = cycle ? update : create;
  const [season] = useState(() => seasonOf(new Date()));
  const [name, setName] = useState(cycle?.name ?? season.name);
  const [startsOn, setStartsOn] = useState(cycle?.startsOn ?? season.startsOn);
  const [endsOn, setEndsOn] = useState(cycle?.endsOn ?? season.endsOn);
  const [memberFee, setMemberFee] = useState(
    feeInput(cycle?.memberFee ?? normaliseAmount(DEFAULT_INTERVISION_FEES.member)),
  );
  const [nonMemberFee, setNonMemberFee] = useState(
    feeInput(cycle?.nonMemberFee ?? normaliseAmount(DEFAULT_INTERVISION_FEES.nonMember)),
  );
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(mutation.error) ? mutation.error.fieldError(field) : null);
  const title = cycle ? t('cycles.edit.title', { name: cycle.name }) : t('cycles.add.title');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // "120,50" must become "120.50" before the API can judge it.
    const member = parseAmountInput(memberFee);
    const nonMember = parseAmountInput(nonMemberFee);
    const next: Record<string, FieldErrorCode> = {};
    if (!name.trim()) next.name = 'required';
    if (!startsOn) next.startsOn = 'required';
    if (!endsOn) next.endsOn = 'required';
    if (!member) next.memberFee = memberFee.trim() ? 'format' : 'required';
    if (!nonMember) next.nonMemberFee = nonMemberFee.trim() ? 'format' : 'required';
    setInvalid(next);
    if (Object.keys(next).length > 0 || !member || !nonMember) return;
    const input = { name: name.trim(), startsOn, endsOn, memberFee: member, nonMemberFee: nonMember };
    if (!cycle) {
      create.mutate({ id: clientId.id, ...input }, { onSuccess: onSaved });
      return;
    }
    const changes: UpdateCycleBody = {};
    if (input.name !== cycle.name) changes.name = input.name;
    if (startsOn !== cycle.startsOn) changes.startsOn = startsOn;
    if (endsOn !== cycle.endsOn) changes.endsOn = endsOn;
    if (Number(member) !== Number(cycle.memberFee)) changes.memberFee = member;
    if (Number(nonMember) !== Number(cycle.nonMemberFee)) changes.nonMemberFee = nonMember;
    if (Object.keys(changes).length === 0) return onSaved(cycle);
    update.mutate({ base: cycle, body: changes }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'cycle', recordId: cycle?.id, version: cycle?.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
    >
      {!cycle && clientId.field}
      <ErrorAlert error={mutation.error} />
      <EditConflict edit={update} label={(field) => t(`cycles.add.${field}` as 'cycles.add.name')} />
      <Field
        label={t('cycles.add.name')}
        hint={t('cycles.add.nameHint')}
        error={fieldError('name')}
        errorContext="cycle"
      >
        <input name="name" required maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('cycles.add.startsOn')} error={fieldError('startsOn')}>
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </Field>
      <Field label={t('cycles.add.endsOn')} error={fieldError('endsOn')} errorContext="endDate">
        <input
          name="endsOn"
          type="date"
          required
          min={startsOn || undefined}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </Field>
      <Field label={t('cycles.add.memberFee')} hint={t('cycles.add.feeHint')} error={fieldError('memberFee')}>
        <input
          name="memberFee"
          inputMode="decimal"
          value={memberFee}
          onChange={(e) => setMemberFee(e.target.value)}
        />
      </Field>
      <Field
        label={t('cycles.add.nonMemberFee')}
        hint={t('cycles.add.feeHint')}
        error={fieldError('nonMemberFee')}
      >
        <input
          name="nonMemberFee"
          inputMode="decimal"
          value={nonMemberFee}
          onChange={(e) => setNonMemberFee(e.target.value)}
        />
      </Field>
      {cycle && (
        <p className="alert alert--info form__wide" data-testid="cycle-fee-rule">
          {t('cycles.edit.feeRule')}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={mutation.isPending}>
          {cycle ? t('cycles.edit.submit') : t('cycles.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
