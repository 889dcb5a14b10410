import { useState } from 'react';
import type { FigureValue } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { FullPageLoading } from '@/components/status-pages';
import {
  FigureRecordList,
  localName,
  useFigureBreakdown,
  useFigureValues,
  type FigureScope,
} from '@/features/figures';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatNumber, formatPercent } from '@/lib/format';

const id = (key: string) => `connect.intervision.${key}`;
/** The screen's figures (test id suffix, wording key) and the engine's figure each one shows. */
const COUNTS = [
  ['groups', 'groups'],
  ['groupsHeld', 'groups-held'],
  ['participants', 'participants'],
  ['institutions', 'institutions'],
  ['sectors', 'sectors'],
] as const;
const SESSIONS = [
  ['held', 'sessions-held'],
  ['heldVideo', 'sessions-held-video'],
  ['cancelled', 'sessions-cancelled'],
  ['planned', 'sessions-planned'],
] as const;
const FEES = [
  ['invoiced', 'fees-invoiced'],
  ['received', 'fees-received'],
] as const;
const IDS = [...COUNTS, ...SESSIONS, ...FEES].map(([, figure]) => id(figure));

interface FigureProps {
  label: string;
  value: string;
  figureId: string;
  scope: FigureScope;
  testId: string;
}

/** A figure, and one click away the records it counts (fetched when opened). */
function Figure({ label, value, figureId, scope, testId }: FigureProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className="figure" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="figure__label">{label}</span>
        <strong className="figure__value">{value}</strong>
      </summary>
      <FigureRecordList figureId={figureId} scope={scope} enabled={open} />
    </details>
  );
}

function SectorRecords({
  sector,
  sectorId,
  scope,
}: {
  sector: string;
  sectorId: string;
  scope: FigureScope;
}) {
  const { t } = useTranslation('intervision');
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('figures.showRecords', { sector })}</summary>
      <FigureRecordList
        figureId={id('participants')}
        scope={scope}
        enabled={open}
        breakdown={{ dimension: 'sector', key: sectorId }}
      />
    </details>
  );
}

/**
 * Intervision's figures for a cycle (its dates and the cycle filter) or any period, counted by
 * the figure engine, each with its records one click away and the participants by sector.
 */
export function FiguresView({ scope }: { scope: FigureScope }) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const values = useFigureValues(scope, IDS);
  const bySector = useFigureBreakdown(id('participants'), 'sector', scope);

  // The counts and the table by sector arrive together, so the page does not grow twice.
  if (values.isPending || bySector.isPending) return <FullPageLoading />;
  if (values.isError) return <ErrorAlert error={values.error} />;
  const valueOf = new Map(values.data.values.map((v: FigureValue) => [v.id, v.value ?? 0]));
  const count = (figure: string) => formatNumber(valueOf.get(id(figure)) ?? 0, locale);
  const money = (figure: string) => formatAmount((valueOf.get(id(figure)) ?? 0).toFixed(2), locale);
  const rows = [...(bySector.data?.rows ?? [])]
    .map((row) => ({ ...row, name: localName(row.label, locale) ?? '' }))
    // Most participants first; equal counts in the alphabetical order of the screen's language.
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, locale));

  return (
    <div aria-busy={values.isPlaceholderData || undefined}>
      <section className="panel" aria-labelledby="figures-counts">
        <h2 id="figures-counts">{t('figures.countsTitle')}</h2>
        {COUNTS.map(([key, figure]) => (
          <Figure
            key={key}
            testId={`figure-${key}`}
            label={t(`figures.counts.${key}`)}
            value={count(figure)}
            figureId={id(figure)}
            scope={scope}
          />
        ))}
      </section>

      <section className="panel" aria-labelledby="figures-sessions">
        <h2 id="figures-sessions">{t('figures.sessionsTitle')}</h2>
        {SESSIONS.map(([key, figure]) => (
          <Figure
            key={key}
            testId={`figure-sessions-${key}`}
            label={t(`figures.sessions.${key}`)}
            value={count(figure)}
            figureId={id(figure)}
            scope={scope}
          />
        ))}
      </section>

      <section className="panel" aria-labelledby="figures-sectors">
        <h2 id="figures-sectors">{t('figures.bySectorTitle')}</h2>
        <p className="muted">{t('figures.bySectorNote')}</p>
        {bySector.isError ? (
          <ErrorAlert error={bySector.error} />
        ) : rows.length === 0 ? (
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
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td className="numeric">{formatNumber(row.value, locale)}</td>
                    <td className="numeric nowrap">
                      {row.share === null ? '' : formatPercent(row.share, locale)}
                    </td>
                    <td>
                      <SectorRecords sector={row.name} sectorId={row.key} scope={scope} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ResponsiveTable>
        )}
      </section>

      <section className="panel" aria-labelledby="figures-fees">
        <h2 id="figures-fees">{t('figures.feesTitle')}</h2>
        {FEES.map(([key, figure]) => (
          <Figure
            key={key}
            testId={`figure-fees-${key}`}
            label={t(`figures.fees.${key}`)}
            value={money(figure)}
            figureId={id(figure)}
            scope={scope}
          />
        ))}
      </section>
    </div>
  );
}
