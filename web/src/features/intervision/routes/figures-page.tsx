import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isNotFound } from '@/lib/api-client';
import { useCycleFigures } from '../api/get-cycle-figures';
import { CycleLinks } from '../components/cycle-links';
import { FiguresView } from '../components/figures-view';

/** A cycle's figures as the activity report gives them, each with the records it counts. */
export function FiguresPage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const figures = useCycleFigures(id);
  const title = figures.data ? t('figures.title', { name: figures.data.cycle.name }) : t('cycles.title');
  useDocumentTitle(title);

  if (figures.isPending) return <FullPageLoading />;
  if (figures.isError) {
    if (isNotFound(figures.error)) return <NotFoundPage />;
    return <ErrorAlert error={figures.error} />;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/intervision/cycles/${id}`}>{t('group.backTo', { name: figures.data.cycle.name })}</Link>
      </p>
      <h1>{title}</h1>
      <CycleLinks cycleId={id} />
      <p className="muted">{t('figures.intro')}</p>
      <FiguresView figures={figures.data} />
    </>
  );
}
