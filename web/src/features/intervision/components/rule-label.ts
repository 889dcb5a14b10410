import type { Locale } from '@smes/shared';
import { ordinalKey, weekdayName } from './weekdays';
import type { Ordinal } from './weekdays';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "le deuxième jeudi de chaque mois" / "de tweede donderdag van elke maand". */
export function ruleLabel(t: Translate, locale: Locale, ordinal: Ordinal, weekday: number): string {
  return t('generate.rule', {
    ordinal: t(`generate.ordinals.${ordinalKey(ordinal)}`),
    weekday: weekdayName(weekday, locale),
  });
}
