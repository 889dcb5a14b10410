import type { ImportFieldList, Locale } from '@smes/shared';

export type ImportField = ImportFieldList['items'][number];

/** A field's name as the templates title it, in the user's language (the API gives both). */
export function fieldLabel(fields: readonly ImportField[] | undefined, key: string, locale: Locale): string {
  const field = fields?.find((f) => f.key === key);
  if (!field) return key;
  return locale === 'nl' ? field.headerNl : field.headerFr;
}
