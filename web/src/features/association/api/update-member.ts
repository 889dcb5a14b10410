import type { Membership, UpdateMembershipBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { memberKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** Ending a membership is setting its end date: the period stays in the history. */
export function updateMember({ id, body }: { id: string; body: UpdateMembershipBody }): Promise<Membership> {
  return api.patch<Membership>(`/api/members/${encodeURIComponent(id)}`, body);
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        // Members and dues move the figure engine's counts and totals.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
