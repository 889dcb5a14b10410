import type { Locale } from '@smes/shared';

/** Belgian conventions for each UI language: 23/11/2026, 1 234,5 (fr) and 1.234,5 (nl). */
export const INTL_LOCALES: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE' };

interface FormatOptions {
  /** Defaults to the browser's own time zone; tests pin it. */
  timeZone?: string;
}

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

export function formatDate(value: Date | string, locale: Locale, options: FormatOptions = {}) {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: options.timeZone,
  }).format(toDate(value));
}

/**
 * A calendar day from the API (`yyyy-mm-dd`: a closing date, an affiliation's end) is no
 * instant: read and written in UTC so that no time zone moves it to the day before.
 */
export function formatDay(day: string, locale: Locale) {
  return formatDate(`${day}T00:00:00Z`, locale, { timeZone: 'UTC' });
}

export function formatDateTime(value: Date | string, locale: Locale, options: FormatOptions = {}) {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(toDate(value));
}

export function formatNumber(value: number, locale: Locale) {
  return new Intl.NumberFormat(INTL_LOCALES[locale]).format(value);
}

/** A share between 0 and 1 as a percentage: 33,3 % (fr-BE, no-break space) and 33,3% (nl-BE). */
export function formatPercent(share: number, locale: Locale) {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}
