import type { DuesLine, UpdateDuesBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { duesKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** Records a payment (`paidOn`, reference) or undoes it (`paidOn: null`). */
export function updateDues({ base, body }: { base: DuesLine; body: UpdateDuesBody }): Promise<DuesLine> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<DuesLine>(`/api/dues/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
}

export function useUpdateDues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDues,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: duesKeys.lists() }),
        // Members and dues move the figure engine's counts and totals.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
