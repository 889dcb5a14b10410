/**
 * How names are compared in the directory. `searchKey` folds case, accents and punctuation so
 * that `ilot` finds `L'Îlot` and `sint jans` finds `Sint-Jans-Molenbeek`. `matchKey` also drops
 * legal forms and spaces, so that `DIOGÈNES` and `Diogenes asbl` are seen as one name.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .map((p) =>
      p
        // Ligatures NFKD leaves whole: "Œuvre" must match "oeuvre".
        .replace(/[œŒ]/g, 'oe')
        .replace(/[æÆ]/g, 'ae')
        .replace(/ß/g, 'ss')
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(' | ');
}

const LEGAL_FORMS = new Set([
  'asbl',
  'vzw',
  'aisbl',
  'ivzw',
  'sprl',
  'bvba',
  'srl',
  'bv',
  'sa',
  'nv',
  'scrl',
  'cvba',
  'fondation',
  'stichting',
]);

export function matchKey(name: string | null | undefined): string {
  if (!name) return '';
  return searchKey(name)
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join('');
}

/** The words of a search, folded like the keys; each must appear somewhere in a name. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return searchKey(q)
    .split(' ')
    .filter((w) => w.length > 0 && w !== '|')
    .slice(0, 8);
}

/** Escapes LIKE's wildcards so a search for `%` finds a `%`. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** NUL, which PostgreSQL text cannot hold, and a UTF-16 surrogate without its pair (jsonb refuses it). */
export const UNSTORABLE_TEXT = /[\0\p{Cs}]/u;

/** The text as it can be shown and stored: each unstorable character becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(/[\0\p{Cs}]/gu, '\ufffd');
}
