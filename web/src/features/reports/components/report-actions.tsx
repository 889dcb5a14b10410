import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { downloadCsv, reportCsv } from './csv';
import { csvWords } from './csv-words';
import { csvFigures, type ReportFigure } from './report-model';

/** Print (the page's print styles keep the figures and charts) and download for Excel. */
export function ReportActions({
  from,
  to,
  figures,
}: {
  from: string;
  to: string;
  figures: readonly ReportFigure[];
}) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const onCsv = () => {
    const csv = reportCsv({ from, to, figures: csvFigures(figures, locale) }, csvWords(t));
    downloadCsv(csv, t('actions.csvFile', { from, to }));
  };
  return (
    <div className="report-actions no-print" role="group" aria-label={t('actions.label')}>
      <button type="button" onClick={() => window.print()}>
        {t('actions.print')}
      </button>
      <button type="button" onClick={onCsv}>
        {t('actions.csv')}
      </button>
    </div>
  );
}
