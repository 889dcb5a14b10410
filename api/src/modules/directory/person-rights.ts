import { blankColumns, exportWhere, type ModulePersonRights } from '../../db/person-rights.js';
import { affiliations, people } from '../../db/schema/index.js';

/**
 * The directory's own: the person's row and the duplicates merged into them (blanked by the
 * erasure itself, people/rights.ts), and their affiliations, whose function may name them.
 */
export const directoryPersonRights: ModulePersonRights = {
  erase: [blankColumns('affiliation', 'affiliations', affiliations.personId, [affiliations.function])],
  export: [
    exportWhere('person', 'person', people.id),
    exportWhere('person', 'mergedDuplicates', people.mergedIntoId),
    exportWhere('affiliation', 'affiliations', affiliations.personId),
  ],
};
