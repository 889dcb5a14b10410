import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { parseAmountInput } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useLocale } from '@/hooks/use-locale';
import { useGenerateDues } from '../api/generate-dues';
import { DraftForm } from '@/lib/drafts';

/** One line per member of the year that has none yet, at the amount for its kind. */
export function GenerateDuesForm({ year }: { year: number }) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const generate = useGenerateDues();
  const [organisationAmount, setOrganisationAmount] = useState('');
  const [personAmount, setPersonAmount] = useState('');
  const [invalid, setInvalid] = useState<{ organisation?: FieldErrorCode; person?: FieldErrorCode }>({});
  const fieldError = (name: string) => (isApiError(generate.error) ? generate.error.fieldError(name) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const organisation = parseAmountInput(organisationAmount);
    const person = parseAmountInput(personAmount);
    // Checked here because "120,50" must become "120.50" before the API can judge it.
    const problem = (input: string, parsed: string | null): FieldErrorCode | undefined =>
      input.trim() === '' ? 'required' : parsed === null ? 'format' : undefined;
    const next = {
      organisation: problem(organisationAmount, organisation),
      person: problem(personAmount, person),
    };
    setInvalid(next);
    if (!organisation || !person) return;
    generate.mutate({ year, organisationAmount: organisation, personAmount: person });
  };

  return (
    <DraftForm
      draft={{ id: 'generate-dues', recordId: String(year) }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('dues.generate.title', { year })}
    >
      <ErrorAlert error={generate.error} />
      <Field
        label={t('dues.generate.organisationAmount')}
        hint={t('dues.generate.amountHint')}
        error={invalid.organisation ?? fieldError('organisationAmount')}
      >
        <input
          name="organisationAmount"
          inputMode="decimal"
          value={organisationAmount}
          onChange={(e) => setOrganisationAmount(e.target.value)}
        />
      </Field>
      <Field
        label={t('dues.generate.personAmount')}
        hint={t('dues.generate.amountHint')}
        error={invalid.person ?? fieldError('personAmount')}
      >
        <input
          name="personAmount"
          inputMode="decimal"
          value={personAmount}
          onChange={(e) => setPersonAmount(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={generate.isPending}>
          {t('dues.generate.submit', { year })}
        </button>
      </div>
      <div aria-live="polite" role="status">
        {generate.data && (
          <p className="alert alert--success">
            {t('dues.generate.done', {
              created: t('dues.generate.created', {
                count: generate.data.created,
                n: formatNumber(generate.data.created, locale),
              }),
              alreadyThere: t('dues.generate.alreadyThere', {
                count: generate.data.alreadyThere,
                n: formatNumber(generate.data.alreadyThere, locale),
              }),
            })}
          </p>
        )}
      </div>
    </DraftForm>
  );
}
