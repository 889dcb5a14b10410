import { columnLink, type ModuleMergeLinks } from '../../../db/merge-links.js';
import { supportRequests } from '../../../db/schema/index.js';
import { referralsLink } from './repository.js';

/** A request's requester is a person and an organisation of the directory; referrals name organisations. */
export const supportMergeLinks: ModuleMergeLinks = {
  person: { links: [columnLink('support_request', 'supportRequesters', supportRequests.requesterPersonId)] },
  organisation: {
    links: [
      columnLink('support_request', 'supportRequesterOrganisations', supportRequests.requesterOrganisationId),
      referralsLink,
    ],
  },
};
