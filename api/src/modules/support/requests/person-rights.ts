import type { ModulePersonRights } from '../../../db/person-rights.js';
import { impasseErasure, requestsMadeExport } from './repository.js';

/** The requests a person of the directory made as a professional; the impasse may name them. */
export const supportPersonRights: ModulePersonRights = {
  erase: [impasseErasure],
  export: [requestsMadeExport],
};
