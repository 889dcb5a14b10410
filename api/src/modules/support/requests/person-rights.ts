import type { ModulePersonRights } from '../../../db/person-rights.js';
import { impasseErasure, interventionNotesErasure, requestsMadeExport } from './repository.js';

/** The requests a person of the directory made as a professional; the impasse and the
 * interventions' notes may name them. */
export const supportPersonRights: ModulePersonRights = {
  erase: [impasseErasure, interventionNotesErasure],
  export: [requestsMadeExport],
};
