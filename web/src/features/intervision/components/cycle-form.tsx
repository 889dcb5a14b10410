import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Cycle, FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { parseAmountInput } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { useCreateCycle } from '../api/create-cycle';
import { seasonOf } from './season';

interface CycleFormProps {
  onCreated: (cycle: Cycle) => void;
  onCancel: () => void;
}

/** A season, September to June by default, at €120 for members and €150 for the others. */
export function CycleForm({ onCreated, onCancel }: CycleFormProps) {
  const { t } = useTranslation('intervision');
  const create = useCreateCycle();
  const [season] = useState(() => seasonOf(new Date()));
  const [name, setName] = useState(season.name);
  const [startsOn, setStartsOn] = useState(season.startsOn);
  const [endsOn, setEndsOn] = useState(season.endsOn);
  const [memberFee, setMemberFee] = useState('120,00');
  const [nonMemberFee, setNonMemberFee] = useState('150,00');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(create.error) ? create.error.fieldError(field) : null);

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
    create.mutate(
      { name: name.trim(), startsOn, endsOn, memberFee: member, nonMemberFee: nonMember },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="form form--grid" onSubmit={onSubmit} noValidate aria-label={t('cycles.add.title')}>
      <ErrorAlert error={create.error} />
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
      <Field label={t('cycles.add.endsOn')} error={fieldError('endsOn')}>
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
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('cycles.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
