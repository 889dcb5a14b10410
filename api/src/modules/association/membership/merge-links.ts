import { columnLink, type ModuleMergeLinks } from '../../../db/merge-links.js';
import { dues, governanceSeats, memberships } from '../../../db/schema/index.js';

/** Memberships, seats and dues are held by an organisation or a person. */
export const membershipMergeLinks: ModuleMergeLinks = {
  organisation: {
    links: [
      columnLink('membership', 'memberships', memberships.organisationId),
      columnLink('governance_seat', 'seats', governanceSeats.organisationId),
      columnLink('due', 'dues', dues.organisationId),
    ],
  },
  person: {
    links: [
      columnLink('membership', 'memberships', memberships.personId),
      columnLink('governance_seat', 'seats', governanceSeats.personId),
      columnLink('governance_seat', 'seatRepresentatives', governanceSeats.representativeId),
      columnLink('due', 'dues', dues.personId),
    ],
  },
};
