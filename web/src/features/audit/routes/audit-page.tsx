import { AUDIT_ACTIONS, RECORD_KIND_KEYS } from '@smes/shared';
import type { AuditQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useErrorText } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useAuditEntries } from '../api/get-audit-entries';
import { AuditFilters } from '../components/audit-filters';
import type { AuditFilterValues } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';
import { useDocumentTitle } from '@/hooks/use-document-title';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): AuditFilterValues & { page: number } {
  const action = params.get('action');
  const kind = params.get('resourceType');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Number(params.get('page'));
  return {
    action: AUDIT_ACTIONS.find((a) => a === action),
    resourceType: RECORD_KIND_KEYS.find((k) => k === kind),
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Date inputs give local days; the API wants instants: the start of `from`, the end of `to`. */
function toQuery(filters: AuditFilterValues & { page: number }): AuditQuery {
  const startOf = (day: string) => new Date(`${day}T00:00:00`);
  const endOf = (day: string) => new Date(startOf(day).getTime() + 86_400_000 - 1);
  return {
    action: filters.action,
    resourceType: filters.resourceType,
    from: filters.from ? startOf(filters.from).toISOString() : undefined,
    to: filters.to ? endOf(filters.to).toISOString() : undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}

function toParams(filters: AuditFilterValues & { page: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['action', 'resourceType', 'from', 'to'] as const) {
    const v = filters[key];
    if (v) out[key] = v;
  }
  if (filters.page > 1) out.page = String(filters.page);
  return out;
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  useDocumentTitle(t('title'));
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const entries = useAuditEntries(toQuery(filters));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <AuditFilters
        // Re-seed the form's draft when the URL changes under it (back/forward, page links).
        key={JSON.stringify({ ...filters, page: undefined })}
        value={filters}
        onChange={(next) => setParams(toParams({ ...next, page: 1 }))}
      />
      {entries.isPending ? (
        <FullPageLoading />
      ) : entries.isError ? (
        <p className="alert alert--error" role="alert">
          {errorText(entries.error)}
        </p>
      ) : (
        <>
          <AuditTable entries={entries.data.items} />
          <Pagination
            page={entries.data.page}
            pageSize={entries.data.pageSize}
            total={entries.data.total}
            onPageChange={(page) => setParams(toParams({ ...filters, page }))}
          />
        </>
      )}
    </>
  );
}
