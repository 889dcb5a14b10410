import { columnLink, type ModuleMergeLinks } from '../../../db/merge-links.js';
import { supportSupervisions } from '../../../db/schema/index.js';

/** A supervision is given to a team of an organisation of the directory (decision 28). */
export const supervisionsMergeLinks: ModuleMergeLinks = {
  organisation: {
    links: [
      columnLink('support_supervision', 'supervisionOrganisations', supportSupervisions.organisationId),
    ],
  },
};
