import type { MergePreview, MergeResult } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { fillBlanks, loadMergePair } from '../../../lib/merge.js';
import type { ServiceContext } from '../../../types.js';
import { assertMergeAllowed, moveLinks, previewMerge } from '../../merge-links.js';
import { audit } from '../../platform/audit/service.js';
import * as repo from './repository.js';
import { people } from '../../../db/schema/index.js';
import { bumpVersion } from '../../../db/versions.js';

/** What merging `duplicateId` into `keepId` would move, per kind, and what would refuse it. */
export async function previewPersonMerge({
  ctx,
  keepId,
  duplicateId,
}: {
  ctx: ServiceContext;
  keepId: string;
  duplicateId: string;
}): Promise<MergePreview> {
  assertCan(ctx.actor, 'people', 'delete');
  await loadMergePair((id) => repo.findPerson(ctx.db, id), keepId, duplicateId, 'person');
  return previewMerge(ctx.db, ctx.actor, 'person', keepId, duplicateId);
}

/** Merges a duplicate person into the one kept, as for organisations. */
export async function mergePeople({
  ctx,
  keepId,
  duplicateId,
}: {
  ctx: ServiceContext;
  keepId: string;
  duplicateId: string;
}): Promise<MergeResult> {
  assertCan(ctx.actor, 'people', 'delete');
  const { kept, duplicate } = await loadMergePair(
    (id) => repo.findPerson(ctx.db, id),
    keepId,
    duplicateId,
    'person',
  );
  await assertMergeAllowed(ctx.db, 'person', keepId, duplicateId);
  return ctx.db.transaction(async (tx) => {
    const { repointed, moved } = await moveLinks(tx, ctx.actor, 'person', duplicateId, keepId);
    const fill: Partial<repo.NewPerson> = fillBlanks(kept, duplicate, [
      'email',
      'phone',
      'language',
      'notes',
    ] as const);
    await bumpVersion(tx, people, [keepId, duplicateId]);
    await repo.updatePerson(tx, duplicateId, { mergedIntoId: keepId, externalRef: null });
    if (!kept.externalRef && duplicate.externalRef) fill.externalRef = duplicate.externalRef;
    await repo.updatePerson(tx, keepId, fill);
    await audit(tx, ctx, {
      action: 'merge',
      resourceType: 'person',
      resourceId: keepId,
      details: { mergedId: duplicateId, repointed, moved, filled: Object.keys(fill) },
    });
    return { keptId: keepId, mergedId: duplicateId, repointed, moved };
  });
}
