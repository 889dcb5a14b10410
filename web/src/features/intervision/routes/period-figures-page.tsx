import type { Period } from '@smes/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';
import { FiguresView } from '../components/figures-view';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address, last calendar year by default: what a funder's report asks for. */
function readPeriod(params: URLSearchParams): Period {
  const year = new Date().getFullYear() - 1;
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: from && DAY.test(from) ? from : `${year}-01-01`,
    to: to && DAY.test(to) ? to : `${year}-12-31`,
  };
}

export function PeriodFiguresPage() {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const title = t('periodFigures.title', {
    from: formatDay(period.from, locale),
    to: formatDay(period.to, locale),
  });
  useDocumentTitle(title);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to) setParams({ from, to });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/intervision">{t('cycle.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted">{t('periodFigures.intro')}</p>
      <form className="filters" role="search" aria-label={t('periodFigures.label')} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="figures-from">{t('periodFigures.from')}</label>
          <input
            id="figures-from"
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="figures-to">{t('periodFigures.to')}</label>
          <input
            id="figures-to"
            type="date"
            required
            min={from || undefined}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!from || !to}>
          {t('periodFigures.apply')}
        </button>
      </form>
      <FiguresView scope={period} />
    </>
  );
}
