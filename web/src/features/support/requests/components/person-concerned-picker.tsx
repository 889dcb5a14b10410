import { useState } from 'react';
import type { FieldErrorCode, SupportPerson } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { SearchPicker } from '@/components/search-picker';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useFindPersons } from '../api/find-persons';

interface PersonConcernedPickerProps {
  label: string;
  value: SupportPerson | null;
  onChange: (person: SupportPerson | null) => void;
  error?: FieldErrorCode | null;
}

/** Something to look for once punctuation is set aside (the API refuses "--" or "é."). */
const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);

/**
 * A person concerned already recorded, found again by their code or initials: never by a name,
 * which Support does not keep. Each result says what tells two alike apart (age band, requests).
 */
export function PersonConcernedPicker({ label, value, onChange, error }: PersonConcernedPickerProps) {
  const { t } = useTranslation('support');
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = useFindPersons({ q, pageSize: 8 }, { enabled: searchable(q) });
  const results = searchable(q) ? search.data?.items : undefined;
  const option = (p: SupportPerson) => ({
    id: p.id,
    label: p.initials ? `${p.code} · ${p.initials}` : p.code,
    detail: [
      t(`ageBands.${p.ageBand}`),
      t(`genders.${p.gender}`),
      t('person.requests', { count: p.requests }),
    ].join(' · '),
  });

  return (
    <SearchPicker
      label={label}
      query={query}
      onQueryChange={setQuery}
      options={results?.map(option)}
      selected={value && option(value)}
      onSelect={(picked) => onChange((picked && results?.find((p) => p.id === picked.id)) ?? null)}
      draft={{ value, onRestore: onChange }}
      error={error}
    />
  );
}
