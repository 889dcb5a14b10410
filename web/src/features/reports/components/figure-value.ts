import type { Locale } from '@smes/shared';
import { INTL_LOCALES } from '@/lib/format';

/** The units the figure engine declares. */
export type FigureUnit = 'count' | 'share' | 'average' | 'median' | 'difference' | 'money' | 'minutes';

const format = (locale: Locale, options: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(INTL_LOCALES[locale], options);

/**
 * A figure's value in the user's language: 1 195 and 1.195, 70,97 %, 921 916,32 €, +13, 45 min;
 * a dash when it cannot be computed (a share of nothing).
 */
export function formatFigureValue(value: number | null, unit: string, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'share':
      return format(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
    case 'money':
      return format(locale, { style: 'currency', currency: 'EUR' }).format(value);
    case 'difference':
      return format(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
    case 'minutes':
      return format(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(value);
    case 'average':
    case 'median':
      return format(locale, { maximumFractionDigits: 1 }).format(value);
    default:
      return format(locale, { maximumFractionDigits: 2 }).format(value);
  }
}
