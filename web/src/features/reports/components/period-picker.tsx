import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '@smes/shared';
import { choicePeriod, describePeriod, type PeriodKind } from './period';

const KINDS: PeriodKind[] = ['year', 'semester', 'quarter', 'dates'];

/**
 * A year, a semester, a quarter or any two dates: selects and native date fields (the phone's
 * own date wheel, in the Belgian order), each a full thumb's height.
 */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation('reports');
  const initial = describePeriod(period);
  const [kind, setKind] = useState<PeriodKind>(initial.kind);
  const [year, setYear] = useState(initial.year);
  const [part, setPart] = useState(initial.part);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2014 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = kind === 'dates' ? { from, to } : choicePeriod({ kind, year, part });
    if (chosen && chosen.from && chosen.to && chosen.from <= chosen.to) onChange(chosen);
  };

  return (
    <form className="filters period-picker" aria-label={t('period.label')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="period-kind">{t('period.kind')}</label>
        <select
          id="period-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as PeriodKind);
            setPart(1);
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'dates' ? (
        <>
          <div className="field">
            <label htmlFor="period-from">{t('period.from')}</label>
            <input
              id="period-from"
              type="date"
              required
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="period-to">{t('period.to')}</label>
            <input
              id="period-to"
              type="date"
              required
              min={from || undefined}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="period-year">{t('period.year')}</label>
            <select id="period-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          {kind !== 'year' && (
            <div className="field">
              <label htmlFor="period-part">
                {t(kind === 'semester' ? 'period.semester' : 'period.quarter')}
              </label>
              <select id="period-part" value={part} onChange={(e) => setPart(Number(e.target.value))}>
                {(kind === 'semester' ? [1, 2] : [1, 2, 3, 4]).map((p) => (
                  <option key={p} value={p}>
                    {kind === 'semester'
                      ? t(`period.semesters.${p as 1 | 2}`)
                      : t(`period.quarters.${p as 1 | 2 | 3 | 4}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      <button type="submit" className="button--primary">
        {t('period.apply')}
      </button>
    </form>
  );
}
