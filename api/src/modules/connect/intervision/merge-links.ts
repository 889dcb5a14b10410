import { columnLink, type ModuleMergeLinks } from '../../../db/merge-links.js';
import { intervisionRegistrations, intervisionSessions } from '../../../db/schema/index.js';
import { facilitatorsLink, groupsSharedByOrganisations } from './repository.js';

/**
 * Registrations name a worker and their organisation, sessions their host, groups their
 * facilitator pair. Two organisations that each have a worker in one group cannot become one:
 * the group would hold two workers of one organisation (the coordinator withdraws one first).
 */
export const intervisionMergeLinks: ModuleMergeLinks = {
  organisation: {
    links: [
      columnLink('intervision_registration', 'registrations', intervisionRegistrations.organisationId),
      columnLink('intervision_session', 'hostedSessions', intervisionSessions.hostOrganisationId),
    ],
    refusals: [
      {
        error: { field: 'duplicateId', code: 'bothInGroup' },
        detail: 'Both organisations have a worker in one intervision group',
        applies: async (db, keepId, duplicateId) =>
          (await groupsSharedByOrganisations(db, keepId, duplicateId)).length > 0,
      },
    ],
  },
  person: {
    links: [
      columnLink('intervision_registration', 'registrations', intervisionRegistrations.personId),
      facilitatorsLink,
    ],
  },
};
