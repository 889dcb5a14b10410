import type { CycleFigures, Figure, MoneyFigure } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatNumber, formatPercent } from '@/lib/format';
import { FigureDetails } from './figure-details';
import { FigureRecords } from './figure-records';
import { ResponsiveTable } from '@/components/responsive-table';

const COUNTS = ['groups', 'groupsHeld', 'participants', 'institutions', 'sectors'] as const;
const SESSIONS = ['held', 'heldVideo', 'cancelled', 'planned'] as const;
const FEES = ['invoiced', 'received'] as const;

/** What a cycle's and a period's figures share: everything but what they are about. */
export type Figures = Omit<CycleFigures, 'cycle'>;

/** The figures as the activity report gives them, each with the records it counts. */
export function FiguresView({ figures }: { figures: Figures }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const count = (figure: Figure) => formatNumber(figure.value, locale);
  const money = (figure: MoneyFigure) => formatAmount(figure.amount, locale);

  return (
    <>
      <section className="panel" aria-labelledby="figures-counts">
        <h2 id="figures-counts">{t('figures.countsTitle')}</h2>
        {COUNTS.map((key) => (
          <FigureDetails
            key={key}
            testId={`figure-${key}`}
            label={t(`figures.counts.${key}`)}
            value={count(figures[key])}
            records={figures[key].records}
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
            value={count(figures.sessions[key])}
            records={figures.sessions[key].records}
          />
        ))}
      </section>

      <section className="panel" aria-labelledby="figures-sectors">
        <h2 id="figures-sectors">{t('figures.bySectorTitle')}</h2>
        <p className="muted">{t('figures.bySectorNote')}</p>
        {figures.bySector.length === 0 ? (
          <p className="muted">{t('figures.noRecords')}</p>
        ) : (
          <ResponsiveTable>
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
                {[...figures.bySector]
                  // Most participants first; equal counts in the alphabetical order of the screen's language.
                  .sort(
                    (a, b) =>
                      b.participants - a.participants ||
                      (locale === 'nl' ? a.nl.localeCompare(b.nl, 'nl') : a.fr.localeCompare(b.fr, 'fr')),
                  )
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
          </ResponsiveTable>
        )}
      </section>

      <section className="panel" aria-labelledby="figures-fees">
        <h2 id="figures-fees">{t('figures.feesTitle')}</h2>
        {FEES.map((key) => (
          <FigureDetails
            key={key}
            testId={`figure-fees-${key}`}
            label={t(`figures.fees.${key}`)}
            value={money(figures.fees[key])}
            records={figures.fees[key].records}
          />
        ))}
      </section>
    </>
  );
}
