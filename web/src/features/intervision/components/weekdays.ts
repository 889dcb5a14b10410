import type { Locale } from '@smes/shared';
import { INTL_LOCALES } from '@/lib/format';

/** ISO weekdays, as the API counts them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The ordinals of a date rule: first to fifth, and -1 for the last of the month. */
export const ORDINALS = [1, 2, 3, 4, 5, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];

/** "jeudi" / "donderdag": 2024-01-01 was a Monday, so day n of that week is weekday n. */
export function weekdayName(weekday: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** The ISO weekday of a calendar day (`yyyy-mm-dd`), read in UTC so no time zone moves it. */
export function weekdayOf(day: string): number {
  const n = new Date(`${day}T00:00:00Z`).getUTCDay();
  return n === 0 ? 7 : n;
}

/** The translation key of an ordinal: `1`…`5`, or `last`. */
export function ordinalKey(ordinal: Ordinal): '1' | '2' | '3' | '4' | '5' | 'last' {
  return ordinal === -1 ? 'last' : (String(ordinal) as '1' | '2' | '3' | '4' | '5');
}

/** "14:00" → "14h" (fr) or "14u" (nl); "09:30" → "9h30" / "9u30", as Smes writes hours. */
export function formatHour(time: string, locale: Locale): string {
  const [hours = '0', minutes = '00'] = time.split(':');
  const mark = locale === 'nl' ? 'u' : 'h';
  return `${Number(hours)}${mark}${minutes === '00' ? '' : minutes}`;
}

/** "14h–17h" / "14u–17u": a group's hours in the user's language. */
export function formatHours(group: { startTime: string; endTime: string }, locale: Locale): string {
  return `${formatHour(group.startTime, locale)}–${formatHour(group.endTime, locale)}`;
}

/** "7/10/24": the short Belgian date of Smes' newsletters (the same in fr-BE and nl-BE). */
export function formatShortDay(day: string, locale: Locale = 'fr'): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: 'numeric',
    month: '2-digit',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
