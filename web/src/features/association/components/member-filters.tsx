import { useState } from 'react';
import type { FormEvent } from 'react';
import type { MemberListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ReferenceOptions, useReferenceItems } from '@/features/reference';
import { DayField } from './day-field';

export type MemberFilterValues = Pick<MemberListQuery, 'on' | 'kind' | 'sectorId' | 'q'>;

interface MemberFiltersProps {
  value: MemberFilterValues & { on: string };
  onChange: (value: MemberFilterValues) => void;
}

/** The day and the selects apply at once; the text search on Enter or the button. */
export function MemberFilters({ value, onChange }: MemberFiltersProps) {
  const { t } = useTranslation('association');
  const [q, setQ] = useState(value.q ?? '');
  const sectors = useReferenceItems('sector');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined });
  };

  return (
    <form
      className="filters no-print"
      role="search"
      aria-label={t('members.filters.label')}
      onSubmit={onSubmit}
    >
      <DayField
        label={t('members.filters.on')}
        value={value.on}
        onChange={(on) => onChange({ ...value, on })}
      />
      <div className="field">
        <label htmlFor="member-kind">{t('members.filters.kind')}</label>
        <select
          id="member-kind"
          value={value.kind ?? ''}
          onChange={(e) =>
            onChange({ ...value, kind: (e.target.value || undefined) as MemberFilterValues['kind'] })
          }
        >
          <option value="">{t('members.filters.anyKind')}</option>
          <option value="organisation">{t('kinds.organisations')}</option>
          <option value="person">{t('kinds.people')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="member-sector">{t('members.filters.sector')}</label>
        <select
          id="member-sector"
          value={value.sectorId ?? ''}
          onChange={(e) => onChange({ ...value, sectorId: e.target.value || undefined })}
        >
          <option value="">{t('members.filters.anySector')}</option>
          <ReferenceOptions items={sectors.data} current={value.sectorId} />
        </select>
      </div>
      <div className="field filters__search">
        <label htmlFor="member-search">{t('members.filters.search')}</label>
        <input id="member-search" type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <button type="submit">{t('members.filters.submit')}</button>
    </form>
  );
}
