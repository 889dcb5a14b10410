/** A module's title in the reader's language. */
export function moduleTitle(module: { titleFr: string; titleNl: string }, locale: 'fr' | 'nl'): string {
  return locale === 'nl' ? module.titleNl : module.titleFr;
}
