import type { Cycle, UpdateCycleBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { intervisionKeys } from './keys';

/**
 * Corrects a cycle's name, dates or fees. A new fee applies to registrations made afterwards;
 * earlier ones keep theirs. A name another cycle has is refused (409 `name`: `taken`).
 */
export function updateCycle({ base, body }: { base: Cycle; body: UpdateCycleBody }): Promise<Cycle> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Cycle>(`/api/intervision/cycles/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycle,
    // The cycle's name and fees show on its list, schedule and figures, and on its groups' pages.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
