import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useAccessLog } from '../api/get-access-log';
import { AccessLogTable } from '../components/access-log-table';

const PAGE_SIZE = 50;

/** Administration: the reads that broke the glass (outside the reader's scope, with a reason). */
export function FlaggedReadsPage() {
  const { t } = useTranslation('audit');
  useDocumentTitle(t('accessLog.flaggedTitle'));
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('page'));
  const page = Number.isInteger(asked) && asked > 1 ? asked : 1;
  const reads = useAccessLog({ flagged: true, page, pageSize: PAGE_SIZE });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('accessLog.flaggedTitle')}</h1>
          <p className="muted">{t('accessLog.flaggedIntro')}</p>
        </div>
      </div>
      {reads.isPending ? (
        <FullPageLoading />
      ) : reads.isError ? (
        <ErrorAlert error={reads.error} />
      ) : (
        <>
          <AccessLogTable entries={reads.data.items} testId="flagged-reads-table" />
          <Pagination
            page={reads.data.page}
            pageSize={reads.data.pageSize}
            total={reads.data.total}
            onPageChange={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </>
      )}
    </>
  );
}
