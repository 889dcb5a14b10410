import type { TFunction } from 'i18next';
import type { CsvWords } from './csv';

/** The CSV's headings and names in the user's language, from the reports wording. */
export function csvWords(t: TFunction<'reports'>): CsvWords {
  return {
    columns: {
      from: t('csv.from'),
      to: t('csv.to'),
      pole: t('csv.pole'),
      figure: t('csv.figure'),
      breakdown: t('csv.breakdown'),
      value: t('csv.value'),
      unit: t('csv.unit'),
      share: t('csv.share'),
    },
    pole: (pole) => t(`poles.${pole}`, { defaultValue: pole }),
    unit: (unit) => t(`units.${unit}`, { defaultValue: unit }),
    breakdownRow: (dimension, label) =>
      t('breakdownRow', { dimension: t(`dimensions.${dimension}`, { defaultValue: dimension }), label }),
  };
}
