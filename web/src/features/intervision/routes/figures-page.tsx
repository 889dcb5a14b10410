import type { Figure, MoneyFigure } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { formatNumber, formatPercent } from '@/lib/format';
import { useCycleFigures } from '../api/get-cycle-figures';
import { CycleLinks } from '../components/cycle-links';
import { FigureDetails } from '../components/figure-details';
import { FigureRecords } from '../components/figure-records';

const COUNTS = ['groups', 'groupsHeld', 'participants', 'institutions', 'sectors'] as const;
const SESSIONS = ['held', 'heldVideo', 'cancelled', 'planned'] as const;
const FEES = ['invoiced', 'received'] as const;

/** A cycle's figures as the activity report gives them, each with the records it counts. */
export function FiguresPage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const locale = useLocale();
  const figures = useCycleFigures(id);
  const title = figures.data ? t('figures.title', { name: figures.data.cycle.name }) : t('cycles.title');
  useDocumentTitle(title);

  if (figures.isPending) return <FullPageLoading />;
  if (figures.isError) {
    if (isApiError(figures.error) && figures.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={figures.error} />;
  }
  const data = figures.data;
  const count = (figure: Figure) => formatNumber(figure.value, locale);
  const money = (figure: MoneyFigure) => formatAmount(figure.amount, locale);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/intervision/cycles/${id}`}>{t('group.backTo', { name: data.cycle.name })}</Link>
      </p>
      <h1>{title}</h1>
      <CycleLinks cycleId={id} />
      <p className="muted">{t('figures.intro')}</p>

      <section className="panel" aria-labelledby="figures-counts">
        <h2 id="figures-counts">{t('figures.countsTitle')}</h2>
        {COUNTS.map((key) => (
          <FigureDetails
            key={key}
            testId={`figure-${key}`}
            label={t(`figures.counts.${key}`)}
            value={count(data[key])}
            records={data[key].records}
          />
        ))}
      </section>

      <section className="panel" aria-labelledby="figures-sessions">
        <h2 id="figures-sessions">{t('figures.sessionsTitle')}</h2>
        {SESSIONS.map((key) => (
          <FigureDetails
            key={key}
            testId={`figure-sessions-${key}`}
            label={t(`figures.sessions.${key}`)}
            value={count(data.sessions[key])}
            records={data.sessions[key].records}
          />
        ))}
      </section>

      <section className="panel" aria-labelledby="figures-sectors">
        <h2 id="figures-sectors">{t('figures.bySectorTitle')}</h2>
        <p className="muted">{t('figures.bySectorNote')}</p>
        {data.bySector.length === 0 ? (
          <p className="muted">{t('figures.noRecords')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="figures-by-sector">
              <caption className="visually-hidden">{t('figures.bySectorTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.sector')}</th>
                  <th scope="col" className="numeric">
                    {t('figures.participants')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('figures.share')}
                  </th>
                  <th scope="col">{t('figures.records')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.bySector]
                  .sort((a, b) => b.participants - a.participants)
                  .map((row) => {
                    const sector = locale === 'nl' ? row.nl : row.fr;
                    return (
                      <tr key={row.sectorId}>
                        <th scope="row">{sector}</th>
                        <td className="numeric">{formatNumber(row.participants, locale)}</td>
                        <td className="numeric nowrap">{formatPercent(row.share, locale)}</td>
                        <td>
                          <details>
                            <summary>{t('figures.showRecords', { sector })}</summary>
                            <FigureRecords records={row.records} />
                          </details>
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="figures-fees">
        <h2 id="figures-fees">{t('figures.feesTitle')}</h2>
        {FEES.map((key) => (
          <FigureDetails
            key={key}
            testId={`figure-fees-${key}`}
            label={t(`figures.fees.${key}`)}
            value={money(data.fees[key])}
            records={data.fees[key].records}
          />
        ))}
      </section>
    </>
  );
}
