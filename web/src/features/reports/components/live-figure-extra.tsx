import { mayRead, type Period } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/hooks/use-session';
import { useLocale } from '@/hooks/use-locale';
import type { FigureDefinition } from '../api/types';
import { FigureRecords } from './figure-records';

interface LiveFigureExtraProps {
  definition: FigureDefinition;
  period: Period;
  recordsOpen: boolean;
  onToggleRecords: () => void;
  openDimensions: readonly string[];
  onToggleChart: (dimension: string) => void;
}

/**
 * Under a figure on the live page: its records one click away (only for someone who may read
 * that kind of record) and a chart per breakdown it offers.
 */
export function LiveFigureExtra({
  definition,
  period,
  recordsOpen,
  onToggleRecords,
  openDimensions,
  onToggleChart,
}: LiveFigureExtraProps) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const user = useCurrentUser();
  const label = definition.label[locale];
  const canRecords = definition.hasRecords && mayRead(user, definition.kind);
  if (!canRecords && definition.dimensions.length === 0) return null;
  return (
    <>
      <div className="report-figure__actions no-print">
        {canRecords && (
          <button
            type="button"
            className="button--small"
            aria-expanded={recordsOpen}
            onClick={onToggleRecords}
          >
            {recordsOpen ? t('figures.hideRecords') : t('figures.records')}
            <span className="visually-hidden"> : {label}</span>
          </button>
        )}
        {definition.dimensions.map((dimension) => {
          const open = openDimensions.includes(dimension);
          const name = t(`dimensions.${dimension}`, { defaultValue: dimension }).toLowerCase();
          return (
            <button
              key={dimension}
              type="button"
              className="button--small"
              aria-pressed={open}
              onClick={() => onToggleChart(dimension)}
            >
              {open ? t('figures.hideChart', { dimension: name }) : t('figures.chart', { dimension: name })}
              <span className="visually-hidden"> : {label}</span>
            </button>
          );
        })}
      </div>
      {recordsOpen && canRecords && <FigureRecords figureId={definition.id} label={label} period={period} />}
    </>
  );
}
