import type { Cycle, UpdateCycleBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/**
 * Corrects a cycle's name, dates or fees. A new fee applies to registrations made afterwards;
 * earlier ones keep theirs. A name another cycle has is refused (409 `name`: `taken`).
 */
export function updateCycle({ id, body }: { id: string; body: UpdateCycleBody }): Promise<Cycle> {
  return api.patch<Cycle>(`/api/intervision/cycles/${encodeURIComponent(id)}`, body);
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycle,
    // The cycle's name and fees show on its list, schedule and figures, and on its groups' pages.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
