import { readFileSync } from 'node:fs';

export type Language = 'fr' | 'nl';

/**
 * The SPA's own wording (src/locales/{fr,nl}/<namespace>.json) for browser tests that run in
 * both languages: `t('intervision:cycle.title', { name })`, interpolating `{{…}}` and choosing the
 * plural form by `count` as i18next does. A scenario written once then reads each language's
 * labels from the files the screens read, instead of copying them into the test.
 */
export function translator(language: Language) {
  const namespaces = new Map<string, Record<string, unknown>>();
  const load = (ns: string) => {
    if (!namespaces.has(ns)) {
      const url = new URL(`../../src/locales/${language}/${ns}.json`, import.meta.url);
      namespaces.set(ns, JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>);
    }
    return namespaces.get(ns)!;
  };
  const plural = new Intl.PluralRules(language);
  return (key: string, vars: Record<string, string | number> = {}): string => {
    const [ns, path] = key.split(':') as [string, string];
    const lookup = (p: string) =>
      p
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], load(ns));
    const found =
      (typeof vars.count === 'number' ? lookup(`${path}_${plural.select(vars.count)}`) : undefined) ??
      lookup(path);
    if (typeof found !== 'string') throw new Error(`No ${language} text for ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`${key} needs {{${name}}}`);
      return String(vars[name]);
    });
  };
}
