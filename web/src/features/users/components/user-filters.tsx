import { useState } from 'react';
import type { FormEvent } from 'react';
import { POLES, ROLES } from '@smes/shared';
import type { Pole, Role, UserListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';

export type UserFilterValues = Pick<UserListQuery, 'q' | 'role' | 'pole' | 'includeDisabled'>;

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

/** Selects apply at once; the text search applies on Enter or the button, not on each key. */
export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation(['users', 'common']);
  const [q, setQ] = useState(value.q ?? '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined });
  };

  return (
    <form className="filters" role="search" aria-label={t('users:filters.label')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="user-search">{t('users:filters.search')}</label>
        <input
          id="user-search"
          type="search"
          name="q"
          placeholder={t('users:filters.searchHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="user-role">{t('users:filters.role')}</label>
        <select
          id="user-role"
          value={value.role ?? ''}
          onChange={(e) => onChange({ ...value, role: (e.target.value || undefined) as Role | undefined })}
        >
          <option value="">{t('users:filters.anyRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common:roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="user-pole">{t('users:filters.pole')}</label>
        <select
          id="user-pole"
          value={value.pole ?? ''}
          onChange={(e) => onChange({ ...value, pole: (e.target.value || undefined) as Pole | undefined })}
        >
          <option value="">{t('users:filters.anyPole')}</option>
          {POLES.map((p) => (
            <option key={p} value={p}>
              {t(`common:poles.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox filters__checkbox">
        <input
          type="checkbox"
          checked={value.includeDisabled ?? false}
          onChange={(e) => onChange({ ...value, includeDisabled: e.target.checked || undefined })}
        />
        {t('users:filters.includeDisabled')}
      </label>
      <button type="submit">{t('users:filters.submit')}</button>
    </form>
  );
}
