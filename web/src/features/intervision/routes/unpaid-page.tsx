import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { isNotFound } from '@/lib/api-client';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { formatAmount } from '@/lib/amount';
import { formatNumber } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import { useGroups } from '../api/get-groups';
import { useRegistrations } from '../api/get-registrations';
import { CycleLinks } from '../components/cycle-links';
import { RegistrationsTable } from '../components/registrations-table';

/** The cycle's fees still to be paid (waiting and withdrawn registrations left out), with the total. */
export function UnpaidPage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const locale = useLocale();
  const user = useCurrentUser();
  const cycle = useCycle(id);
  const groups = useGroups(id);
  const unpaid = useRegistrations(id, true);
  const [feedback, setFeedback] = useState<string | null>(null);
  const title = cycle.data ? t('unpaid.title', { name: cycle.data.name }) : t('cycles.title');
  useDocumentTitle(title);
  const groupNames = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));

  if (isNotFound(cycle.error)) return <NotFoundPage />;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/intervision/cycles/${id}`}>
          {cycle.data ? t('group.backTo', { name: cycle.data.name }) : t('group.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      <CycleLinks cycleId={id} />
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      {unpaid.isPending ? (
        <FullPageLoading />
      ) : unpaid.isError ? (
        <ErrorAlert error={unpaid.error} />
      ) : (
        <section className="panel" aria-labelledby="unpaid-title">
          <h2 id="unpaid-title">{t('unpaid.listTitle')}</h2>
          <dl className="facts facts--row" data-testid="unpaid-totals">
            <div>
              <dt>{t('unpaid.count')}</dt>
              <dd>{formatNumber(unpaid.data.items.length, locale)}</dd>
            </div>
            <div>
              <dt>{t('unpaid.total')}</dt>
              <dd>{formatAmount(unpaid.data.totalFees, locale)}</dd>
            </div>
          </dl>
          <RegistrationsTable
            registrations={unpaid.data.items}
            canUpdate={can(user, 'intervision', 'update')}
            onChanged={setFeedback}
            groupNames={groupNames}
            testId="unpaid-table"
            emptyText={t('unpaid.empty')}
          />
        </section>
      )}
    </>
  );
}
