import type { FieldErrorCode, ReferenceItem } from '@smes/shared';
import { SUPPORT_AGE_BANDS, SUPPORT_GENDERS, SUPPORT_HOUSING } from '@smes/shared';
import { Field } from '@/components/form-field';
import { ReferenceOptions } from '@/features/reference';

/** What is said of the person concerned besides their initials, as the form holds it ('' for none). */
export interface PersonFacts {
  gender: string;
  ageBand: string;
  housing: string;
  language: string;
}

type Fact = keyof PersonFacts;

/** Each fact's codes, and the group of their wordings (`genders.woman`). */
const CODES = { gender: SUPPORT_GENDERS, ageBand: SUPPORT_AGE_BANDS, housing: SUPPORT_HOUSING } as const;
const GROUPS = { gender: 'genders', ageBand: 'ageBands', housing: 'housing' } as const;
export type FactOption = `${(typeof GROUPS)[keyof typeof GROUPS]}.${string}`;

/**
 * The person concerned's gender, age band, housing and language, as a new request and its
 * correction both ask them (the language from the reference list, or not said). `notSaid` also
 * offers "not said" for the other three (a new request: all optional). Labels, option wordings
 * and errors come from the form.
 */
export function PersonFactsFields({
  values,
  onChange,
  label,
  option,
  error,
  notSaid,
  optional,
  languages,
}: {
  values: PersonFacts;
  onChange: (patch: Partial<PersonFacts>) => void;
  label: (fact: Fact) => string;
  /** An option's wording, by its key: `genders.female`. */
  option: (key: FactOption) => string;
  error: (path: `person/${Fact}`) => FieldErrorCode | null;
  notSaid: string;
  optional: boolean;
  languages: readonly ReferenceItem[] | undefined;
}) {
  return (
    <>
      {(['gender', 'ageBand', 'housing'] as const).map((fact) => (
        <Field key={fact} label={label(fact)} error={error(`person/${fact}`)}>
          <select name={fact} value={values[fact]} onChange={(e) => onChange({ [fact]: e.target.value })}>
            {optional && <option value="">{notSaid}</option>}
            {CODES[fact].map((code) => (
              <option key={code} value={code}>
                {option(`${GROUPS[fact]}.${code}`)}
              </option>
            ))}
          </select>
        </Field>
      ))}
      <Field label={label('language')} error={error('person/language')}>
        <select
          name="language"
          value={values.language}
          onChange={(e) => onChange({ language: e.target.value })}
        >
          <option value="">{notSaid}</option>
          <ReferenceOptions items={languages} current={values.language} valueKey="code" />
        </select>
      </Field>
    </>
  );
}
