import { columnLink, pairLink, type ModuleMergeLinks } from '../../../db/merge-links.js';
import { supportTrainingEditions, supportTrainingParticipants } from '../../../db/schema/index.js';

/**
 * A participant names a person and the organisation they came for; a partner's edition names
 * the partner. Two people who both took part in one edition become one participant (the kept
 * person's row stays).
 */
export const trainingsMergeLinks: ModuleMergeLinks = {
  person: {
    links: [
      pairLink(
        'support_training_participant',
        'trainingParticipants',
        supportTrainingParticipants.personId,
        supportTrainingParticipants.editionId,
      ),
    ],
  },
  organisation: {
    links: [
      columnLink(
        'support_training_participant',
        'trainingParticipantOrganisations',
        supportTrainingParticipants.organisationId,
      ),
      columnLink(
        'support_training_edition',
        'trainingPartners',
        supportTrainingEditions.partnerOrganisationId,
      ),
    ],
  },
};
