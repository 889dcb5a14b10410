import type { MergePreview, MergeResult } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { fillBlanks, loadMergePair } from '../../../lib/merge.js';
import { matchKey, searchKey } from '../../../lib/text.js';
import type { ServiceContext } from '../../../types.js';
import { assertMergeAllowed, moveLinks, previewMerge } from '../../merge-links.js';
import { audit } from '../../platform/audit/service.js';
import * as repo from './repository.js';
import { organisations } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';

/** What merging `duplicateId` into `keepId` would move, per kind, and what would refuse it. */
export async function previewOrganisationMerge({
  ctx,
  keepId,
  duplicateId,
}: {
  ctx: ServiceContext;
  keepId: string;
  duplicateId: string;
}): Promise<MergePreview> {
  assertCan(ctx.actor, 'organisations', 'delete');
  await loadMergePair((id) => repo.findOrganisation(ctx.db, id), keepId, duplicateId, 'organisation');
  return previewMerge(ctx.db, ctx.actor, 'organisation', keepId, duplicateId);
}

/**
 * Merges a duplicate into the organisation kept: everything the modules declare as pointing at
 * the duplicate now points at the kept one (unless a module's rule forbids the merge), blanks of the kept one are filled from the duplicate, and the duplicate
 * leaves the directory (its row stays, marked, so that history can still name it).
 */
export async function mergeOrganisations({
  ctx,
  keepId,
  duplicateId,
}: {
  ctx: ServiceContext;
  keepId: string;
  duplicateId: string;
}): Promise<MergeResult> {
  assertCan(ctx.actor, 'organisations', 'delete');
  const { kept, duplicate } = await loadMergePair(
    (id) => repo.findOrganisation(ctx.db, id),
    keepId,
    duplicateId,
    'organisation',
  );
  await assertMergeAllowed(ctx.db, 'organisation', keepId, duplicateId);
  return ctx.db.transaction(async (tx) => {
    const { repointed, moved } = await moveLinks(tx, ctx.actor, 'organisation', duplicateId, keepId);
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
    await bumpVersion(tx, organisations, [keepId, duplicateId]);
    await repo.updateOrganisation(tx, duplicateId, {
      mergedIntoId: keepId,
      externalRef: null,
    });
    if (!kept.externalRef && duplicate.externalRef) fill.externalRef = duplicate.externalRef;
    const nameFr = fill.nameFr ?? kept.nameFr;
    const nameNl = fill.nameNl ?? kept.nameNl;
    await repo.updateOrganisation(tx, keepId, {
      ...fill,
      searchKey: searchKey(nameFr, nameNl),
      matchKey: matchKey(nameFr ?? nameNl),
    });
    await audit(tx, ctx, {
      action: 'merge',
      resourceType: 'organisation',
      resourceId: keepId,
      details: { mergedId: duplicateId, repointed, moved, filled: Object.keys(fill) },
    });
    return { keptId: keepId, mergedId: duplicateId, repointed, moved };
  });
}
