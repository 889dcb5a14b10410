import type { ReferenceKind } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { searchKey } from '../../../lib/text.js';
import { listReferenceItems } from './repository.js';

/**
 * Finds reference items by what partners write: the code, or the French or Dutch label with or
 * without its part in brackets, with case, accents and punctuation folded ("Santé mentale",
 * "geestelijke gezondheidszorg", "mental_health", "Huisvesting"). Communes are also found by
 * postal code.
 */
export async function referenceLookup(db: Executor, kind: ReferenceKind) {
  const items = await listReferenceItems(db, kind, false);
  const byKey = new Map<string, { id: string; code: string; postalCodes: string[] }>();
  for (const item of items) {
    // "Logement" names "Logement (union des locataires, SISP, AIS)": the part in brackets is optional.
    const short = [item.labelFr, item.labelNl].map((l) => l.replace(/\s*\(.*\)\s*$/, ''));
    for (const name of [item.code, item.labelFr, item.labelNl, ...short, ...item.postalCodes]) {
      const k = searchKey(name);
      if (k && !byKey.has(k)) byKey.set(k, { id: item.id, code: item.code, postalCodes: item.postalCodes });
    }
  }
  return (value: string) => byKey.get(searchKey(value)) ?? null;
}
