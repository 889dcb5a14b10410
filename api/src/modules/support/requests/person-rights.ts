import { exportWhere, type ModulePersonRights } from '../../../db/person-rights.js';
import { supportRequests } from '../../../db/schema/index.js';
import { impasseErasure } from './repository.js';

/** The requests a person of the directory made as a professional; the impasse may name them. */
export const supportPersonRights: ModulePersonRights = {
  erase: [impasseErasure],
  export: [exportWhere('support_request', 'supportRequests', supportRequests.requesterPersonId)],
};
