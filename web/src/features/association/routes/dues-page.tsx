import { useState } from 'react';
import { can } from '@smes/shared';
import type { DuesListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { useDues } from '../api/get-dues';
import { DuesTable } from '../components/dues-table';
import { DuesTotals } from '../components/dues-totals';
import { GenerateDuesForm } from '../components/generate-dues-form';

const PAGE_SIZE = 50;
const STATUSES = ['all', 'unpaid', 'paid'] as const;
type Status = (typeof STATUSES)[number];

function readQuery(params: URLSearchParams): DuesListQuery & { year: number; status: Status } {
  const year = Number(params.get('year'));
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'all';
  const page = Number(params.get('page'));
  return {
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : new Date().getFullYear(),
    status,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: DuesListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.year !== new Date().getFullYear()) out.year = String(query.year);
  if (query.status && query.status !== 'all') out.status = query.status;
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

export function DuesPage() {
  const { t } = useTranslation('association');
  useDocumentTitle(t('dues.title'));
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  // The list follows the status filter; its totals are always the whole year's.
  const dues = useDues(query);
  const [feedback, setFeedback] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(query.year)) years.push(query.year);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('dues.title')}</h1>
          <p className="muted">{t('dues.intro')}</p>
        </div>
        {can(user, 'dues', 'create') && (
          <button
            type="button"
            className="button--primary"
            aria-expanded={generating}
            onClick={() => setGenerating(!generating)}
          >
            {t('dues.generate.open', { year: query.year })}
          </button>
        )}
      </div>
      {generating && (
        <section className="panel" aria-labelledby="generate-dues-title">
          <h2 id="generate-dues-title">{t('dues.generate.title', { year: query.year })}</h2>
          <GenerateDuesForm key={query.year} year={query.year} />
        </section>
      )}
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <form className="filters" aria-label={t('dues.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dues-year">{t('dues.filters.year')}</label>
          <select
            id="dues-year"
            value={query.year}
            onChange={(e) => setParams(writeQuery({ ...query, year: Number(e.target.value), page: 1 }))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dues-status">{t('dues.filters.status')}</label>
          <select
            id="dues-status"
            value={query.status}
            onChange={(e) => setParams(writeQuery({ ...query, status: e.target.value as Status, page: 1 }))}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`dues.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {dues.isPending ? (
        <FullPageLoading />
      ) : dues.isError ? (
        <ErrorAlert error={dues.error} />
      ) : (
        <>
          <DuesTotals year={query.year} />
          <DuesTable
            lines={dues.data.items}
            busy={dues.isPlaceholderData}
            canUpdate={can(user, 'dues', 'update')}
            onChanged={setFeedback}
          />
          <Pagination
            page={dues.data.page}
            pageSize={dues.data.pageSize}
            total={dues.data.total}
            onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
          />
        </>
      )}
    </>
  );
}
