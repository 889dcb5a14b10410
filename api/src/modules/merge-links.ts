import { mayRead, type MergeMove, type MergePreview, type RecordKind } from '@smes/shared';
import { acrossPoles, type Executor } from '../db/client.js';
import type { MergeLink, MergeTarget, ModuleMergeLinks } from '../db/merge-links.js';
import { ConflictError } from '../errors.js';
import type { AuthenticatedActor } from '../types.js';
import { membershipMergeLinks } from './association/membership/merge-links.js';
import { intervisionMergeLinks } from './connect/intervision/merge-links.js';
import { representationMergeLinks } from './connect/representation/merge-links.js';
import { directoryMergeLinks } from './directory/merge-links.js';
import { supportMergeLinks } from './support/requests/merge-links.js';
import { supervisionsMergeLinks } from './support/supervisions/merge-links.js';
import { trainingsMergeLinks } from './support/trainings/merge-links.js';

/**
 * What each module has that points at an organisation or a person, and what forbids merging two.
 * A new module adds its declaration here; the directory's merges walk this list and name no
 * module. A test reads the database's foreign keys and fails when one is missing.
 */
export const MERGE_LINKS: readonly ModuleMergeLinks[] = [
  directoryMergeLinks,
  membershipMergeLinks,
  intervisionMergeLinks,
  representationMergeLinks,
  supportMergeLinks,
  trainingsMergeLinks,
  supervisionsMergeLinks,
];

export const mergeLinksOf = (target: MergeTarget): MergeLink[] =>
  MERGE_LINKS.flatMap((m) => m[target]?.links ?? []);

/** The first declared rule that forbids merging these two, or null. */
async function refusalOf(db: Executor, target: MergeTarget, keepId: string, duplicateId: string) {
  return acrossPoles(db, async () => {
    for (const refusal of MERGE_LINKS.flatMap((m) => m[target]?.refusals ?? [])) {
      if (await refusal.applies(db, keepId, duplicateId)) return refusal;
    }
    return null;
  });
}

/** Refuses (409, naming the field) a merge a module forbids. */
export async function assertMergeAllowed(
  db: Executor,
  target: MergeTarget,
  keepId: string,
  duplicateId: string,
) {
  const refusal = await refusalOf(db, target, keepId, duplicateId);
  if (refusal) throw new ConflictError(refusal.detail, [refusal.error]);
}

/** Counts per kind, in the order the links are declared, zeros left out. */
function perKind(actor: AuthenticatedActor, counts: { kind: RecordKind; n: number }[]): MergeMove[] {
  const byKind = new Map<RecordKind, number>();
  for (const { kind, n } of counts) byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  return [...byKind]
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, count, readable: mayRead(actor, kind) }));
}

/** What merging `duplicateId` into `keepId` would move, per kind, and whether it is refused. */
export async function previewMerge(
  db: Executor,
  actor: AuthenticatedActor,
  target: MergeTarget,
  keepId: string,
  duplicateId: string,
): Promise<MergePreview> {
  // A merge concerns every pole's records, readable or not (the others are only counted): the
  // walk crosses the row-level security on purpose, the caller's right to merge checked before.
  const counts = await acrossPoles(db, async () => {
    const found = [];
    for (const link of mergeLinksOf(target))
      found.push({ kind: link.kind, n: await link.count(db, duplicateId) });
    return found;
  });
  const refusal = await refusalOf(db, target, keepId, duplicateId);
  return { moves: perKind(actor, counts), refusal: refusal?.error ?? null };
}

/** Moves every declared link from the duplicate onto the kept record, in the caller's transaction. */
export async function moveLinks(
  tx: Executor,
  actor: AuthenticatedActor,
  target: MergeTarget,
  fromId: string,
  toId: string,
): Promise<{ repointed: Record<string, number>; moved: MergeMove[] }> {
  const repointed: Record<string, number> = {};
  const counts: { kind: RecordKind; n: number }[] = [];
  await acrossPoles(tx, async () => {
    for (const link of mergeLinksOf(target)) {
      const n = await link.move(tx, fromId, toId);
      repointed[link.name] = (repointed[link.name] ?? 0) + n;
      counts.push({ kind: link.kind, n });
    }
  });
  return { repointed, moved: perKind(actor, counts) };
}
