import type { MergePreview, MergeResult } from '@smes/shared';
import { people } from '../../../db/schema/index.js';
import { fillBlanks } from '../../../lib/merge.js';
import { mergeRecords, previewRecordMerge, type MergeableKind, type MergeRequest } from '../merge.js';
import * as repo from './repository.js';

const person: MergeableKind<repo.PersonRow, Partial<repo.NewPerson>> = {
  target: 'person',
  resource: 'people',
  table: people,
  find: repo.findPerson,
  update: repo.updatePerson,
  fill: (kept, duplicate) => fillBlanks(kept, duplicate, ['email', 'phone', 'language', 'notes'] as const),
};

/** What merging `duplicateId` into `keepId` would move, per kind, and what would refuse it. */
export const previewPersonMerge = (request: MergeRequest): Promise<MergePreview> =>
  previewRecordMerge(person, request);

/** Merges a duplicate person into the one kept, as for organisations (see `mergeRecords`). */
export const mergePeople = (request: MergeRequest): Promise<MergeResult> => mergeRecords(person, request);
