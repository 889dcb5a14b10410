import type { ModulePersonRights } from '../db/person-rights.js';
import { membershipPersonRights } from './association/membership/person-rights.js';
import { intervisionPersonRights } from './connect/intervision/person-rights.js';
import { representationPersonRights } from './connect/representation/person-rights.js';
import { directoryPersonRights } from './directory/person-rights.js';
import { supportPersonRights } from './support/requests/person-rights.js';
import { trainingsPersonRights } from './support/trainings/person-rights.js';

/**
 * What each module holds about a person of the directory, for the art. 15 export and the
 * art. 17 erasure (and the legal holds that refuse one). A new module adds its declaration
 * here; a test fails when a module with person merge links declares none.
 */
export const PERSON_RIGHTS: Readonly<Record<string, ModulePersonRights>> = {
  directory: directoryPersonRights,
  membership: membershipPersonRights,
  intervision: intervisionPersonRights,
  representation: representationPersonRights,
  support: supportPersonRights,
  trainings: trainingsPersonRights,
};
