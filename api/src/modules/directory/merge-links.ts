import { columnLink, type ModuleMergeLinks } from '../../db/merge-links.js';
import { affiliations } from '../../db/schema/index.js';
import { sectorsLink, typesLink } from './organisations/repository.js';

/** The directory's own pointers: affiliations, and an organisation's sectors and types. */
export const directoryMergeLinks: ModuleMergeLinks = {
  organisation: {
    links: [columnLink('affiliation', 'affiliations', affiliations.organisationId), sectorsLink, typesLink],
  },
  person: { links: [columnLink('affiliation', 'affiliations', affiliations.personId)] },
};
