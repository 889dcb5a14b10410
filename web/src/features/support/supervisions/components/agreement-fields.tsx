import type { Dispatch, SetStateAction } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/form-field';

export type AgreementField = 'startsOn' | 'plannedSessions' | 'fee';

/** The agreement's values as typed: a day, the sessions planned and the fee (blank: none, free). */
export interface AgreementValues {
  startsOn: string;
  planned: string;
  fee: string;
}

/**
 * The agreement's fields, as a new supervision and its correction both ask them: its start, the
 * sessions planned (1 to 100), the fee with its hint. Labels and errors come from the form.
 */
export function AgreementFields({
  values,
  setValues,
  label,
  fieldError,
}: {
  values: AgreementValues;
  /** A state setter: a restored draft changes several fields at once, each on the latest values. */
  setValues: Dispatch<SetStateAction<AgreementValues>>;
  label: (field: AgreementField) => string;
  fieldError: (field: AgreementField) => FieldErrorCode | null;
}) {
  const { t } = useTranslation('supervisions');
  const set = (change: Partial<AgreementValues>) => setValues((v) => ({ ...v, ...change }));
  return (
    <>
      <Field label={label('startsOn')} error={fieldError('startsOn')}>
        <input
          name="startsOn"
          type="date"
          required
          value={values.startsOn}
          onChange={(e) => set({ startsOn: e.target.value })}
        />
      </Field>
      <Field label={label('plannedSessions')} error={fieldError('plannedSessions')}>
        <input
          name="plannedSessions"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={values.planned}
          onChange={(e) => set({ planned: e.target.value })}
        />
      </Field>
      <Field label={label('fee')} hint={t('form.feeHint')} error={fieldError('fee')}>
        <input
          name="fee"
          inputMode="decimal"
          value={values.fee}
          onChange={(e) => set({ fee: e.target.value })}
        />
      </Field>
    </>
  );
}
