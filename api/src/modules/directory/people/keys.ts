import { matchKey, searchKey } from '../../../lib/text.js';

/**
 * What a person is searched and matched on, the same for the form, the duplicate warning and
 * imports: "Dupont Émilie" = "EMILIE dupont".
 */
export function personKeys(firstName: string, lastName: string) {
  return { searchKey: searchKey(`${firstName} ${lastName}`), matchKey: matchKey(`${lastName} ${firstName}`) };
}
