import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useClientId } from '@/hooks/use-client-id';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { today } from '@/lib/bilingual';
// One team list for Support: the requests' one (its read is logged).
import { useSupportStaff } from '../../requests/api/request';
import { useAddSession } from '../api/add-session';

/** A session to come (or one to record afterwards): its day and the pair of Support workers. */
export function AddSessionForm({
  supervisionId,
  onSaved,
  onCancel,
}: {
  supervisionId: string;
  onSaved: (day: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('supervisions');
  const add = useAddSession();
  const staff = useSupportStaff(true);
  const clientId = useClientId();
  const [startsOn, setStartsOn] = useState(today());
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(add.error) ? add.error.fieldError(field) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!startsOn) next.startsOn = 'required';
    if (!first) next['workerIds/0'] = 'required';
    if (!second) next['workerIds/1'] = 'required';
    else if (second === first) next['workerIds/1'] = 'invalid';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    add.mutate(
      { supervisionId, body: { id: clientId.id, startsOn, workerIds: [first, second] } },
      { onSuccess: () => onSaved(startsOn) },
    );
  };

  const options = (staff.data ?? []).map((s) => (
    <option key={s.id} value={s.id}>
      {s.displayName}
    </option>
  ));

  return (
    <DraftForm
      draft={{ id: 'supervision-session', recordId: supervisionId }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('sessions.add.title')}
    >
      {clientId.field}
      <ErrorAlert error={staff.error} />
      <ErrorAlert error={add.error} />
      <Field label={t('sessions.add.day')} error={fieldError('startsOn')}>
        <input
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </Field>
      <Field label={t('sessions.add.first')} error={fieldError('workerIds/0')}>
        <select name="first" required value={first} onChange={(e) => setFirst(e.target.value)}>
          <option value="">{t('sessions.add.choose')}</option>
          {options}
        </select>
      </Field>
      <Field label={t('sessions.add.second')} error={fieldError('workerIds/1')}>
        <select name="second" required value={second} onChange={(e) => setSecond(e.target.value)}>
          <option value="">{t('sessions.add.choose')}</option>
          {options}
        </select>
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={add.isPending}>
          {t('sessions.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
