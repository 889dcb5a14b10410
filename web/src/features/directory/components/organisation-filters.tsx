import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { OrganisationListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { FilterFold } from '@/components/filter-fold';
import { ReferenceOptions, useReferenceItems } from '@/features/reference';
import { useDebouncedValue } from '@/hooks/use-debounced-value';

export type OrganisationFilterValues = Pick<
  OrganisationListQuery,
  'q' | 'sectorId' | 'typeId' | 'communeId' | 'includeClosed' | 'member'
>;

interface OrganisationFiltersProps {
  value: OrganisationFilterValues;
  onChange: (value: OrganisationFilterValues) => void;
}

/** The search applies once typing pauses (or on Enter); the selects apply at once. */
export function OrganisationFilters({ value, onChange }: OrganisationFiltersProps) {
  const { t } = useTranslation('directory');
  const sectors = useReferenceItems('sector');
  const types = useReferenceItems('organisation_type');
  const communes = useReferenceItems('commune');
  const [q, setQ] = useState(value.q ?? '');
  const debounced = useDebouncedValue(q.trim(), 300);

  // The latest props, for the effects below without re-running them on every render.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => {
    const { value: current, onChange: apply } = latest.current;
    if (debounced !== (current.q ?? '')) apply({ ...current, q: debounced || undefined });
  }, [debounced]);

  // Back/forward changed the URL under the box: show what is searched.
  const urlQ = value.q ?? '';
  useEffect(() => {
    setQ((typed) => (typed.trim() === urlQ ? typed : urlQ));
  }, [urlQ]);

  const active = [value.sectorId, value.communeId, value.typeId, value.member, value.includeClosed].filter(
    (v) => v !== undefined,
  ).length;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined });
  };

  return (
    <form className="filters" role="search" aria-label={t('organisations.filters.label')} onSubmit={onSubmit}>
      <div className="field filters__search">
        <label htmlFor="organisation-search">{t('organisations.filters.search')}</label>
        <input
          id="organisation-search"
          type="search"
          name="q"
          placeholder={t('organisations.filters.searchHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <FilterFold active={active}>
        <div className="field">
          <label htmlFor="organisation-sector">{t('organisations.filters.sector')}</label>
          <select
            id="organisation-sector"
            value={value.sectorId ?? ''}
            onChange={(e) => onChange({ ...value, sectorId: e.target.value || undefined })}
          >
            <option value="">{t('organisations.filters.anySector')}</option>
            <ReferenceOptions items={sectors.data} current={value.sectorId} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="organisation-commune">{t('organisations.filters.commune')}</label>
          <select
            id="organisation-commune"
            value={value.communeId ?? ''}
            onChange={(e) => onChange({ ...value, communeId: e.target.value || undefined })}
          >
            <option value="">{t('organisations.filters.anyCommune')}</option>
            <ReferenceOptions items={communes.data} current={value.communeId} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="organisation-type">{t('organisations.filters.type')}</label>
          <select
            id="organisation-type"
            value={value.typeId ?? ''}
            onChange={(e) => onChange({ ...value, typeId: e.target.value || undefined })}
          >
            <option value="">{t('organisations.filters.anyType')}</option>
            <ReferenceOptions items={types.data} current={value.typeId} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="organisation-member">{t('organisations.filters.member')}</label>
          <select
            id="organisation-member"
            value={value.member === undefined ? '' : String(value.member)}
            onChange={(e) =>
              onChange({ ...value, member: e.target.value === '' ? undefined : e.target.value === 'true' })
            }
          >
            <option value="">{t('organisations.filters.anyMembership')}</option>
            <option value="true">{t('organisations.filters.members')}</option>
            <option value="false">{t('organisations.filters.nonMembers')}</option>
          </select>
        </div>
        <label className="checkbox filters__checkbox">
          <input
            type="checkbox"
            checked={value.includeClosed ?? false}
            onChange={(e) => onChange({ ...value, includeClosed: e.target.checked || undefined })}
          />
          {t('organisations.filters.includeClosed')}
        </label>
      </FilterFold>
    </form>
  );
}
