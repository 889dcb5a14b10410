import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PeriodFilterProps {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}

/** A period (either end may stay open): the list and its count follow it; the years do not. */
export function PeriodFilter({ from, to, onChange }: PeriodFilterProps) {
  const { t } = useTranslation('representation');
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(start, end);
  };
  return (
    <form className="filters" role="search" aria-label={t('period.label')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="period-from">{t('period.from')}</label>
        <input id="period-from" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t('period.to')}</label>
        <input
          id="period-to"
          type="date"
          min={start || undefined}
          value={end}
          onChange={(e) => setEnd(e.target.value)}
        />
      </div>
      <button type="submit">{t('period.apply')}</button>
      {(from || to) && (
        <button
          type="button"
          onClick={() => {
            setStart('');
            setEnd('');
            onChange('', '');
          }}
        >
          {t('period.reset')}
        </button>
      )}
    </form>
  );
}
