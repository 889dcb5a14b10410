import type { FieldErrorCode, OrganisationRef, PersonSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@/components/form-field';
import { OrganisationPicker, PersonPicker } from '@/features/directory';

export type HolderChoice =
  | { kind: 'organisation'; organisation: OrganisationRef | null }
  | { kind: 'person'; person: PersonSummary | null };

interface HolderPickerProps {
  value: HolderChoice;
  onChange: (value: HolderChoice) => void;
  error?: FieldErrorCode | null;
}

/** An organisation or a person from the directory: first the kind, then the search. */
export function HolderPicker({ value, onChange, error }: HolderPickerProps) {
  const { t } = useTranslation('association');
  return (
    <>
      <Fieldset legend={t('holder.kind')}>
        {(['organisation', 'person'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name="holderKind"
              value={kind}
              checked={value.kind === kind}
              onChange={() =>
                onChange(kind === 'organisation' ? { kind, organisation: null } : { kind, person: null })
              }
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </Fieldset>
      {value.kind === 'organisation' ? (
        <OrganisationPicker
          label={t('holder.organisation')}
          value={value.organisation}
          onChange={(organisation) => onChange({ kind: 'organisation', organisation })}
          error={error}
        />
      ) : (
        <div className={error ? 'field--invalid' : undefined}>
          <PersonPicker
            label={t('holder.person')}
            value={value.person}
            onChange={(person) => onChange({ kind: 'person', person })}
          />
          {error && <HolderError code={error} />}
        </div>
      )}
    </>
  );
}

function HolderError({ code }: { code: FieldErrorCode }) {
  const { t } = useTranslation('errors');
  return <p className="field__error">{t(`fieldErrors.${code}`)}</p>;
}

/** The body's holder fields, or null when nobody is chosen yet. */
export function holderInput(value: HolderChoice): { organisationId: string } | { personId: string } | null {
  if (value.kind === 'organisation')
    return value.organisation ? { organisationId: value.organisation.id } : null;
  return value.person ? { personId: value.person.id } : null;
}
