import type { MergeResult } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { fillBlanks, loadMergePair } from '../../../lib/merge.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../../platform/audit/service.js';
import * as repo from './repository.js';

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
  return ctx.db.transaction(async (tx) => {
    const repointed = await repo.repointPerson(tx, duplicateId, keepId);
    const fill: Partial<repo.NewPerson> = fillBlanks(kept, duplicate, [
      'email',
      'phone',
      'language',
      'notes',
    ] as const);
    await repo.updatePerson(tx, duplicateId, { mergedIntoId: keepId, externalRef: null });
    if (!kept.externalRef && duplicate.externalRef) fill.externalRef = duplicate.externalRef;
    await repo.updatePerson(tx, keepId, fill);
    await audit(tx, ctx, {
      action: 'merge',
      resourceType: 'person',
      resourceId: keepId,
      details: { mergedId: duplicateId, repointed, filled: Object.keys(fill) },
    });
    return { keptId: keepId, mergedId: duplicateId, repointed };
  });
}
