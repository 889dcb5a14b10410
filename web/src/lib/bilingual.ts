import { organisationName, type Locale } from '@smes/shared';

/** Anything the API labels in both languages: reference items and the refs records carry. */
export interface Bilingual {
  labelFr: string;
  labelNl: string;
}

/** The label in the user's language (reference lists always carry both). */
export function pickLabel(item: Bilingual, locale: Locale): string {
  return locale === 'nl' ? item.labelNl : item.labelFr;
}

/** The name in the other language, when it differs from organisationName's: shown as a subtitle. */
export function otherOrganisationName(
  org: { nameFr: string | null; nameNl: string | null },
  locale: Locale,
): string | null {
  const main = organisationName(org, locale);
  const other = (locale === 'nl' ? org.nameFr : org.nameNl)?.trim();
  return other && other !== main ? other : null;
}

/** The commune a postal code belongs to, from the commune list's postal codes. */
export function communeForPostalCode<T extends { postalCodes: readonly string[]; retired: boolean }>(
  communes: readonly T[],
  postalCode: string,
): T | undefined {
  const code = postalCode.trim();
  if (!/^[0-9]{4}$/.test(code)) return undefined;
  return communes.find((c) => !c.retired && c.postalCodes.includes(code));
}

/** Today as the API's calendar day (yyyy-mm-dd), in the browser's own time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An affiliation counts as current until the end of its last day (the API's rule too). */
export function isCurrent(affiliation: { endsOn: string | null }, day: string = today()): boolean {
  return affiliation.endsOn === null || affiliation.endsOn >= day;
}
