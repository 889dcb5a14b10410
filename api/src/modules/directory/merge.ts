import type { MergePreview, MergeResult, Resource } from '@smes/shared';
import { assertCan } from '../../access/assert-can.js';
import type { Executor } from '../../db/client.js';
import type { MergeTarget } from '../../db/merge-links.js';
import { bumpVersion, type VersionedTable } from '../../db/versions.js';
import { loadMergePair } from '../../lib/merge.js';
import type { ServiceContext } from '../../types.js';
import { assertMergeAllowed, moveLinks, previewMerge } from '../merge-links.js';
import { audit } from '../platform/audit/service.js';

/** What a kind of directory record (organisation, person) gives the merge of two of its records. */
export interface MergeableKind<
  Row extends { externalRef: string | null },
  Patch extends { externalRef?: string | null },
> {
  target: MergeTarget;
  /** Whoever may delete these records may merge them. */
  resource: Resource;
  table: VersionedTable;
  find: (db: Executor, id: string) => Promise<Row | undefined>;
  update: (
    db: Executor,
    id: string,
    patch: Patch | { mergedIntoId: string; externalRef: null },
  ) => Promise<unknown>;
  /** The blanks of the kept record that the duplicate fills (the external reference aside). */
  fill: (kept: Row, duplicate: Row) => Patch;
  /** What follows from the fill on the kept record (search keys): written, not listed as filled. */
  derive?: (kept: Row, fill: Patch) => Patch;
}

export interface MergeRequest {
  ctx: ServiceContext;
  keepId: string;
  duplicateId: string;
}

/** What merging `duplicateId` into `keepId` would move, per kind, and what would refuse it. */
export async function previewRecordMerge<
  Row extends { externalRef: string | null },
  Patch extends { externalRef?: string | null },
>(kind: MergeableKind<Row, Patch>, { ctx, keepId, duplicateId }: MergeRequest): Promise<MergePreview> {
  assertCan(ctx.actor, kind.resource, 'delete');
  await loadMergePair((id) => kind.find(ctx.db, id), keepId, duplicateId, kind.target);
  return previewMerge(ctx.db, ctx.actor, kind.target, keepId, duplicateId);
}

/**
 * Merges a duplicate into the record kept: everything the modules declare as pointing at the
 * duplicate now points at the kept one (unless a module's rule forbids the merge), blanks of the
 * kept one are filled from the duplicate, and the duplicate leaves the directory (its row stays,
 * marked, so that history can still name it).
 */
export async function mergeRecords<
  Row extends { externalRef: string | null },
  Patch extends { externalRef?: string | null },
>(kind: MergeableKind<Row, Patch>, { ctx, keepId, duplicateId }: MergeRequest): Promise<MergeResult> {
  assertCan(ctx.actor, kind.resource, 'delete');
  const { kept, duplicate } = await loadMergePair(
    (id) => kind.find(ctx.db, id),
    keepId,
    duplicateId,
    kind.target,
  );
  await assertMergeAllowed(ctx.db, kind.target, keepId, duplicateId);
  return ctx.db.transaction(async (tx) => {
    const { repointed, moved } = await moveLinks(tx, ctx.actor, kind.target, duplicateId, keepId);
    const fill = kind.fill(kept, duplicate);
    await bumpVersion(tx, kind.table, [keepId, duplicateId]);
    await kind.update(tx, duplicateId, { mergedIntoId: keepId, externalRef: null });
    if (!kept.externalRef && duplicate.externalRef) fill.externalRef = duplicate.externalRef;
    await kind.update(tx, keepId, { ...fill, ...kind.derive?.(kept, fill) });
    await audit(tx, ctx, {
      action: 'merge',
      resourceType: kind.target,
      resourceId: keepId,
      details: { mergedId: duplicateId, repointed, moved, filled: Object.keys(fill) },
    });
    return { keptId: keepId, mergedId: duplicateId, repointed, moved };
  });
}
