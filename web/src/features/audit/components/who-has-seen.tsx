import { useState } from 'react';
import type { RecordKind } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { useAccessLog } from '../api/get-access-log';
import { AccessLogTable } from './access-log-table';

const PAGE_SIZE = 20;

/**
 * "Who has seen this record" (art. 15, decision 21), for the administrators on a record's page:
 * every read of it, as its own page or on a list's page, newest first. Folded until asked for.
 */
export function WhoHasSeen({ kind, recordId }: { kind: RecordKind; recordId: string }) {
  const { t } = useTranslation(['audit', 'common']);
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const reads = useAccessLog({ kind, recordId, page, pageSize: PAGE_SIZE }, { enabled: open });

  return (
    <section className="panel" aria-labelledby="who-has-seen-title">
      <div className="panel__header">
        <h2 id="who-has-seen-title">{t('audit:accessLog.whoHasSeen')}</h2>
        <button
          type="button"
          className="button--small"
          aria-expanded={open}
          aria-controls="who-has-seen"
          onClick={() => setOpen(!open)}
        >
          {open ? t('audit:accessLog.hide') : t('audit:accessLog.show')}
        </button>
      </div>
      <div id="who-has-seen" hidden={!open}>
        {open &&
          (reads.isPending ? (
            <p className="muted">{t('common:loading')}</p>
          ) : reads.isError ? (
            <ErrorAlert error={reads.error} />
          ) : (
            <>
              <AccessLogTable entries={reads.data.items} testId="who-has-seen-table" />
              {reads.data.total > PAGE_SIZE && (
                <Pagination
                  page={reads.data.page}
                  pageSize={reads.data.pageSize}
                  total={reads.data.total}
                  onPageChange={setPage}
                />
              )}
            </>
          ))}
      </div>
    </section>
  );
}
