import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useRetentionRuns } from '../api/get-retention-runs';
import { RetentionRunsTable } from '../components/retention-runs-table';

/** Administration: what each retention policy removed, when, and the runs that failed. */
export function RetentionRunsPage() {
  const { t } = useTranslation('retention');
  useDocumentTitle(t('title'));
  const runs = useRetentionRuns();

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      {runs.isPending ? (
        <FullPageLoading />
      ) : runs.isError ? (
        <ErrorAlert error={runs.error} />
      ) : (
        <RetentionRunsTable runs={runs.data.items} />
      )}
    </>
  );
}
