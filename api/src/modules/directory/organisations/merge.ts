import type { MergePreview, MergeResult } from '@smes/shared';
import { organisations } from '../../../db/schema/index.js';
import { fillBlanks } from '../../../lib/merge.js';
import { matchKey, searchKey } from '../../../lib/text.js';
import { mergeRecords, previewRecordMerge, type MergeableKind, type MergeRequest } from '../merge.js';
import * as repo from './repository.js';

const organisation: MergeableKind<repo.OrganisationRow, Partial<repo.NewOrganisation>> = {
  target: 'organisation',
  resource: 'organisations',
  table: organisations,
  find: repo.findOrganisation,
  update: repo.updateOrganisation,
  fill: (kept, duplicate) => {
    const fill: Partial<repo.NewOrganisation> = fillBlanks(kept, duplicate, [
      'nameFr',
      'nameNl',
      'street',
      'postalCode',
      'communeId',
      'city',
      'phone',
      'email',
      'website',
      'notes',
    ] as const);
    if (kept.languages.length === 0) fill.languages = duplicate.languages;
    return fill;
  },
  derive: (kept, fill) => {
    const nameFr = fill.nameFr ?? kept.nameFr;
    const nameNl = fill.nameNl ?? kept.nameNl;
    return { searchKey: searchKey(nameFr, nameNl), matchKey: matchKey(nameFr ?? nameNl) };
  },
};

/** What merging `duplicateId` into `keepId` would move, per kind, and what would refuse it. */
export const previewOrganisationMerge = (request: MergeRequest): Promise<MergePreview> =>
  previewRecordMerge(organisation, request);

/** Merges a duplicate into the organisation kept (see `mergeRecords`); its names give the kept one's search keys. */
export const mergeOrganisations = (request: MergeRequest): Promise<MergeResult> =>
  mergeRecords(organisation, request);
