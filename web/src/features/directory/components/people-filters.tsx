import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';

interface PeopleFiltersProps {
  q: string | undefined;
  onChange: (q: string | undefined) => void;
}

/** The search applies once typing pauses, or on Enter. */
export function PeopleFilters({ q: urlQ = '', onChange }: PeopleFiltersProps) {
  const { t } = useTranslation('directory');
  const [q, setQ] = useState(urlQ);
  const debounced = useDebouncedValue(q.trim(), 300);
  const latest = useRef({ urlQ, onChange });
  latest.current = { urlQ, onChange };

  useEffect(() => {
    if (debounced !== latest.current.urlQ) latest.current.onChange(debounced || undefined);
  }, [debounced]);

  // Back/forward changed the URL under the box: show what is searched.
  useEffect(() => {
    setQ((typed) => (typed.trim() === urlQ ? typed : urlQ));
  }, [urlQ]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(q.trim() || undefined);
  };

  return (
    <form className="filters" role="search" aria-label={t('people.filters.label')} onSubmit={onSubmit}>
      <div className="field filters__search">
        <label htmlFor="people-search">{t('people.filters.search')}</label>
        <input
          id="people-search"
          type="search"
          name="q"
          placeholder={t('people.filters.searchHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
    </form>
  );
}
