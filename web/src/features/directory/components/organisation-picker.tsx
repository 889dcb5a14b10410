import { useState } from 'react';
import { type FieldErrorCode, organisationName, type OrganisationRef } from '@smes/shared';
import { SearchPicker } from '@/components/search-picker';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { useOrganisations } from '../api/get-organisations';

interface OrganisationPickerProps {
  label: string;
  value: OrganisationRef | null;
  onChange: (organisation: OrganisationRef | null) => void;
  /** The organisation being merged into must not be offered as its own duplicate. */
  excludeId?: string;
  /** Duplicates may well be closed ones; a new affiliation goes to an open one. */
  includeClosed?: boolean;
  error?: FieldErrorCode | null;
}

/** A search over the directory (`GET /api/organisations?q=`), names in the user's language. */
export function OrganisationPicker(props: OrganisationPickerProps) {
  const { label, value, onChange, excludeId, includeClosed, error } = props;
  const locale = useLocale();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = useOrganisations(
    { q, pageSize: 8, includeClosed: includeClosed || undefined },
    { enabled: q.length >= 2 },
  );
  const results = q.length >= 2 ? search.data?.items : undefined;

  return (
    <SearchPicker
      label={label}
      query={query}
      onQueryChange={setQuery}
      error={error}
      options={results
        ?.filter((o) => o.id !== excludeId)
        .map((o) => ({
          id: o.id,
          label: organisationName(o, locale),
          detail: o.commune ? pickLabel(o.commune, locale) : undefined,
        }))}
      selected={value && { id: value.id, label: organisationName(value, locale) }}
      onSelect={(option) => {
        const picked = option && results?.find((o) => o.id === option.id);
        onChange(picked ? { id: picked.id, nameFr: picked.nameFr, nameNl: picked.nameNl } : null);
      }}
      draft={{ value, onRestore: onChange }}
    />
  );
}
