import { matchKey, searchKey } from '../../../lib/text.js';

/**
 * What an organisation is searched (both names) and matched on (its first name, without case,
 * accents or legal form: "DIOGÈNES" = "Diogenes asbl"), for the form and imports alike.
 */
export function organisationKeys(nameFr: string | null | undefined, nameNl: string | null | undefined) {
  return { searchKey: searchKey(nameFr, nameNl), matchKey: matchKey(nameFr ?? nameNl) };
}

export interface OrganisationIndex {
  byRef: Map<string, { id: string }>;
  byName: Map<string, { id: string }>;
}

/** The organisation a partner's cell names: its reference, else its folded name. */
export function organisationNamed(index: OrganisationIndex, value: string) {
  return index.byRef.get(value) ?? index.byName.get(matchKey(value));
}
