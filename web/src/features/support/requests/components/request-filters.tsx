import { SUPPORT_DUE_BUCKETS, SUPPORT_STATUSES } from '@smes/shared';
import type { SupportRequestQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { FilterFold } from '@/components/filter-fold';

export type RequestFilterValues = Pick<SupportRequestQuery, 'status' | 'due'>;

/** Status and due bucket, folded away on a phone; each applies at once. */
export function RequestFilters({
  value,
  onChange,
}: {
  value: RequestFilterValues;
  onChange: (value: RequestFilterValues) => void;
}) {
  const { t } = useTranslation('support');
  const active = (value.status ? 1 : 0) + (value.due ? 1 : 0);
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('list.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterFold active={active}>
        <div className="field">
          <label htmlFor="support-status">{t('list.filters.status')}</label>
          <select
            id="support-status"
            value={value.status ?? ''}
            onChange={(e) =>
              onChange({ ...value, status: (e.target.value || undefined) as RequestFilterValues['status'] })
            }
          >
            <option value="">{t('list.filters.anyStatus')}</option>
            {SUPPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="support-due">{t('list.filters.due')}</label>
          <select
            id="support-due"
            value={value.due ?? ''}
            onChange={(e) =>
              onChange({ ...value, due: (e.target.value || undefined) as RequestFilterValues['due'] })
            }
          >
            <option value="">{t('list.filters.anyDue')}</option>
            {SUPPORT_DUE_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`buckets.${b}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterFold>
    </form>
  );
}
