import { useState } from 'react';
import type { FieldErrorCode, PersonSummary } from '@smes/shared';
import { SearchPicker } from '@/components/search-picker';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { usePeople } from '../api/get-people';
import { personName } from './person-name';

interface PersonPickerProps {
  label: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  excludeId?: string;
  error?: FieldErrorCode | null;
}

export function PersonPicker({ label, value, onChange, excludeId, error }: PersonPickerProps) {
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = usePeople({ q, pageSize: 8 }, { enabled: q.length >= 2 });
  const results = q.length >= 2 ? search.data?.items : undefined;

  return (
    <SearchPicker
      label={label}
      query={query}
      onQueryChange={setQuery}
      options={results
        ?.filter((p) => p.id !== excludeId)
        .map((p) => ({ id: p.id, label: personName(p), detail: p.email ?? undefined }))}
      selected={value && { id: value.id, label: personName(value), detail: value.email ?? undefined }}
      onSelect={(option) => onChange((option && results?.find((p) => p.id === option.id)) ?? null)}
      draft={{ value, onRestore: onChange }}
      error={error}
    />
  );
}
