import { useState } from 'react';
import type { FormEvent } from 'react';
import { AUDIT_ACTIONS } from '@smes/shared';
import type { AuditAction } from '@smes/shared';
import { useTranslation } from 'react-i18next';

/** What the form edits: dates as the date inputs give them (YYYY-MM-DD, local days). */
export interface AuditFilterValues {
  action?: AuditAction;
  resourceType?: string;
  from?: string;
  to?: string;
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<AuditFilterValues>(value);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...draft, resourceType: draft.resourceType?.trim() || undefined });
  };
  const set = (patch: AuditFilterValues) => setDraft({ ...draft, ...patch });

  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="audit-action">{t('filters.action')}</label>
        <select
          id="audit-action"
          value={draft.action ?? ''}
          onChange={(e) => set({ action: (e.target.value || undefined) as AuditAction | undefined })}
        >
          <option value="">{t('filters.anyAction')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-resource-type">{t('filters.resourceType')}</label>
        <input
          id="audit-resource-type"
          value={draft.resourceType ?? ''}
          maxLength={60}
          onChange={(e) => set({ resourceType: e.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('filters.from')}</label>
        <input
          id="audit-from"
          type="date"
          value={draft.from ?? ''}
          max={draft.to}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('filters.to')}</label>
        <input
          id="audit-to"
          type="date"
          value={draft.to ?? ''}
          min={draft.from}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </div>
      <button type="submit">{t('filters.submit')}</button>
      <button
        type="button"
        className="button--ghost"
        onClick={() => {
          setDraft({});
          onChange({});
        }}
      >
        {t('filters.reset')}
      </button>
    </form>
  );
}
