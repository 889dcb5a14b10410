import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isNotFound } from '@/lib/api-client';
import { useCycle } from '../api/get-cycle';
import { CycleLinks } from '../components/cycle-links';
import { FiguresView } from '../components/figures-view';

/** A cycle's figures as the activity report gives them: the engine's, over the cycle's dates and for it alone. */
export function FiguresPage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const cycle = useCycle(id);
  const title = cycle.data ? t('figures.title', { name: cycle.data.name }) : t('cycles.title');
  useDocumentTitle(title);

  if (cycle.isPending) return <FullPageLoading />;
  if (cycle.isError) {
    if (isNotFound(cycle.error)) return <NotFoundPage />;
    return <ErrorAlert error={cycle.error} />;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/intervision/cycles/${id}`}>{t('group.backTo', { name: cycle.data.name })}</Link>
      </p>
      <h1>{title}</h1>
      <CycleLinks cycleId={id} />
      <p className="muted">{t('figures.intro')}</p>
      <FiguresView scope={{ from: cycle.data.startsOn, to: cycle.data.endsOn, cycleId: id }} />
    </>
  );
}
