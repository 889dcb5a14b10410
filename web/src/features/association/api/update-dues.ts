import type { DuesLine, UpdateDuesBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { duesKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** Records a payment (`paidOn`, reference) or undoes it (`paidOn: null`). */
export function updateDues({ id, body }: { id: string; body: UpdateDuesBody }): Promise<DuesLine> {
  return api.patch<DuesLine>(`/api/dues/${encodeURIComponent(id)}`, body);
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
