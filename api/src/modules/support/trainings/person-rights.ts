import { blankColumns, exportWhere, type ModulePersonRights } from '../../../db/person-rights.js';
import { supportTrainingParticipants } from '../../../db/schema/index.js';

/**
 * The trainings a person of the directory took part in (with their sectors of that day and the
 * fee's payment); erasing them blanks the payment's reference, which may name the payer (the
 * participation stays, unnamed once the directory's person is erased, so the figures stay true).
 */
export const trainingsPersonRights: ModulePersonRights = {
  erase: [
    blankColumns(
      'support_training_participant',
      'trainingParticipants',
      supportTrainingParticipants.personId,
      [supportTrainingParticipants.paymentReference],
    ),
  ],
  export: [
    exportWhere('support_training_participant', 'trainingParticipants', supportTrainingParticipants.personId),
  ],
};
