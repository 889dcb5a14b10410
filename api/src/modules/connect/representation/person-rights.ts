import { exportWhere, type ModulePersonRights } from '../../../db/person-rights.js';
import { representationMeetingAttendees } from '../../../db/schema/index.js';
import { meetingNotesErasure, meetingsAttendedExport } from './repository.js';

/** The meetings the person attended; their notes may name them. */
export const representationPersonRights: ModulePersonRights = {
  erase: [meetingNotesErasure],
  export: [
    exportWhere('representation_meeting', 'attendance', representationMeetingAttendees.personId),
    meetingsAttendedExport,
  ],
};
