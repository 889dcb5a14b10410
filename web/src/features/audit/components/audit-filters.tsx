import { useState } from 'react';
import type { FormEvent } from 'react';
import { AUDIT_ACTIONS, kindName, RECORD_KIND_KEYS } from '@smes/shared';
import type { AuditAction, RecordKind } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';

/** What the form edits: dates as the date inputs give them (YYYY-MM-DD, local days). */
export interface AuditFilterValues {
  action?: AuditAction;
  resourceType?: RecordKind;
  from?: string;
  to?: string;
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const kinds = RECORD_KIND_KEYS.map((kind) => ({ kind, name: kindName(kind, locale) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const [draft, setDraft] = useState<AuditFilterValues>(value);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(draft);
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
        <select
          id="audit-resource-type"
          value={draft.resourceType ?? ''}
          onChange={(e) => set({ resourceType: (e.target.value || undefined) as RecordKind | undefined })}
        >
          <option value="">{t('filters.anyResourceType')}</option>
          {kinds.map(({ kind, name }) => (
            <option key={kind} value={kind}>
              {name}
            </option>
          ))}
        </select>
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
