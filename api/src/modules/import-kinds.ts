import type { ImportKind } from '@smes/shared';
import { membersImport } from './association/membership/import.js';
import { organisationsImport } from './directory/organisations/import.js';
import { peopleImport } from './directory/people/import.js';
import type { ImportKindDefinition } from './platform/imports/kind.js';
import { supportRequestsImport } from './support/requests/import.js';
import { supervisionSessionsImport } from './support/supervisions/import.js';
import { trainingParticipantsImport } from './support/trainings/import.js';

/**
 * Every import kind, declared by the module that owns its records. A kind named in shared's
 * IMPORT_KIND_WRITES and missing here (or here and not there) fails the typecheck.
 */
export const IMPORT_KIND_DEFINITIONS = {
  organisations: organisationsImport,
  people: peopleImport,
  members: membersImport,
  support_requests: supportRequestsImport,
  support_training_participants: trainingParticipantsImport,
  support_supervision_sessions: supervisionSessionsImport,
} as const satisfies Record<ImportKind, ImportKindDefinition>;

export function importKind(kind: ImportKind): ImportKindDefinition {
  return IMPORT_KIND_DEFINITIONS[kind];
}
