import type { FieldErrorCode } from '@smes/shared';
import { Field } from '@/components/form-field';

export type Language = 'fr' | 'nl';

/**
 * A name in French and in Dutch, both required (up to 200 characters), each input marked with
 * its language: a reference item's label, a training module's title. `names` are the body's
 * fields (the inputs' names, the errors' fields).
 */
export function BilingualNameFields({
  names,
  labels,
  values,
  onChange,
  fieldError,
}: {
  names: Record<Language, string>;
  labels: Record<Language, string>;
  values: Record<Language, string>;
  onChange: (language: Language, value: string) => void;
  fieldError: (field: string) => FieldErrorCode | null | undefined;
}) {
  return (
    <>
      {(['fr', 'nl'] as const).map((language) => (
        <Field key={language} label={labels[language]} error={fieldError(names[language])}>
          <input
            name={names[language]}
            lang={language}
            required
            maxLength={200}
            value={values[language]}
            onChange={(e) => onChange(language, e.target.value)}
          />
        </Field>
      ))}
    </>
  );
}
