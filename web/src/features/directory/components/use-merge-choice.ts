import { useState } from 'react';
import type { MergeResult } from '@smes/shared';
import type { UseMutationResult } from '@tanstack/react-query';
import { useMergePreview } from '../api/get-merge-preview';
import type { Target } from '../api/get-merge-preview';

type Merge = UseMutationResult<MergeResult, Error, { keepId: string; duplicateId: string }>;

/**
 * What a merge panel holds between the record kept and its duplicate: the duplicate chosen, its
 * preview (what would move, or why it cannot), and the merge once confirmed, which clears the
 * choice, starts a fresh search box (`round`, the picker's key) and says how many affiliations
 * moved over.
 */
export function useMergeChoice<D extends { id: string }>(
  target: Target,
  keepId: string,
  merge: Merge,
  onMerged: (moved: number) => void,
) {
  const [round, setRound] = useState(0);
  const [duplicate, setDuplicate] = useState<D | null>(null);
  const preview = useMergePreview(target, keepId, duplicate?.id);
  const confirm = (done: () => void) => {
    if (!duplicate) return;
    merge.mutate(
      { keepId, duplicateId: duplicate.id },
      {
        onSuccess: (result) => {
          setDuplicate(null);
          setRound((r) => r + 1);
          onMerged(result.repointed.affiliations ?? 0);
        },
        onSettled: done,
      },
    );
  };
  return { round, duplicate, setDuplicate, preview, confirm };
}
