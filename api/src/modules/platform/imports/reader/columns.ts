import type { FieldSpec } from './types.js';

/** Letters NFKD does not take apart but French and Dutch titles may hold. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * The key headers are compared by: lower-case, accents dropped, everything but letters and
 * digits removed, so "Code postal", "code_postal", "CODE-POSTAL" and "CodePostal" meet, and
 * so do "E-mail" and "Email". Separators are dropped rather than folded to one so that a
 * field's camelCase key ("postalCode") also matches its spelled-out title ("Postal code").
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[œæß]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface ColumnMapping {
  /** Column index → field key, for the columns that feed a field. */
  mapping: Record<number, string>;
  /** Non-empty headers that match no field (shown so the user can map them by hand). */
  unknownHeaders: string[];
  /** Keys of required fields no column feeds. */
  missingRequired: string[];
  /** Headers left out because an earlier column already feeds the same field. */
  duplicateHeaders: string[];
}

/**
 * Matches headers to fields by key or alias. A saved mapping (header → field key, as the user
 * chose it last time) wins over aliases; mapping a header to '' there means "ignore it".
 */
export function mapColumns(
  headers: readonly string[],
  fields: readonly FieldSpec[],
  savedMapping: Readonly<Record<string, string>> = {},
): ColumnMapping {
  const byAlias = new Map<string, string>();
  for (const field of fields) {
    for (const name of [field.key, ...field.aliases]) {
      const key = normaliseHeader(name);
      if (key !== '' && !byAlias.has(key)) byAlias.set(key, field.key);
    }
  }
  const known = new Set(fields.map((f) => f.key));
  const saved = new Map<string, string>();
  for (const [header, key] of Object.entries(savedMapping)) {
    if (key === '' || known.has(key)) saved.set(normaliseHeader(header), key);
  }

  const result: ColumnMapping = {
    mapping: {},
    unknownHeaders: [],
    missingRequired: [],
    duplicateHeaders: [],
  };
  const used = new Set<string>();
  headers.forEach((header, index) => {
    const norm = normaliseHeader(header);
    if (norm === '') return;
    const key = saved.has(norm) ? saved.get(norm) : byAlias.get(norm);
    if (key === '') return;
    if (key === undefined) result.unknownHeaders.push(header);
    else if (used.has(key)) result.duplicateHeaders.push(header);
    else {
      used.add(key);
      result.mapping[index] = key;
    }
  });
  result.missingRequired = fields.filter((f) => f.required && !used.has(f.key)).map((f) => f.key);
  return result;
}
