import { useId } from 'react';
import type { FieldErrorCode } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { DraftValue } from '@/lib/drafts';

export interface PickerOption {
  id: string;
  label: string;
  /** A second line to tell similar names apart (commune, e-mail…). */
  detail?: string;
}

interface SearchPickerProps<T> {
  label: string;
  query: string;
  onQueryChange: (query: string) => void;
  /** undefined while nothing was searched yet. */
  options: readonly PickerOption[] | undefined;
  selected: PickerOption | null;
  onSelect: (option: PickerOption | null) => void;
  error?: FieldErrorCode | null;
  /**
   * In a form with drafts: the record chosen, as the form holds it, and how a restored draft
   * puts it back (as choosing it would). The choice lives in React state only, not in a field.
   */
  draft?: { value: T | null; onRestore: (value: T | null) => void };
}

/**
 * Choose one record among many: type to search, pick a result, change it later. The results
 * are plain buttons under the field, so keyboard and screen-reader users need nothing special.
 */
export function SearchPicker<T>(props: SearchPickerProps<T>) {
  const { label, query, onQueryChange, options, selected, onSelect, error, draft } = props;
  const { t } = useTranslation(['common', 'errors']);
  const id = useId();
  // Before the field in both states, so a draft finds it at the same place.
  const kept = draft && <DraftValue value={draft.value} onRestore={draft.onRestore} />;
  const errorLine = error && (
    <p className="field__error" id={`${id}-error`}>
      {t(`errors:fieldErrors.${error}`)}
    </p>
  );

  if (selected) {
    return (
      <div className={error ? 'field field--invalid picker' : 'field picker'}>
        {kept}
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picker__selected" aria-labelledby={`${id}-label`} role="group">
          <strong>{selected.label}</strong>
          {selected.detail && <span className="muted">{selected.detail}</span>}
          <button
            type="button"
            className="button--small"
            aria-label={t('common:picker.changeFor', { name: selected.label })}
            onClick={() => onSelect(null)}
          >
            {t('common:picker.change')}
          </button>
        </div>
        {errorLine}
      </div>
    );
  }

  return (
    <div className={error ? 'field field--invalid picker' : 'field picker'}>
      {kept}
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={query}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        onChange={(e) => onQueryChange(e.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t('common:picker.searchHint')}
      </p>
      {errorLine}
      {options && (
        <div aria-live="polite">
          {options.length === 0 ? (
            <p className="muted picker__empty">{t('common:picker.noResults')}</p>
          ) : (
            <ul className="picker__options" aria-label={t('common:picker.results')}>
              {options.map((option) => (
                <li key={option.id}>
                  <button type="button" onClick={() => onSelect(option)}>
                    <span>{option.label}</span>
                    {option.detail && <span className="muted">{option.detail}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
