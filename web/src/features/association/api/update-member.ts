import type { Membership, UpdateMembershipBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { memberKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** Ending a membership is setting its end date: the period stays in the history. */
export function updateMember({
  base,
  body,
}: {
  base: Membership;
  body: UpdateMembershipBody;
}): Promise<Membership> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Membership>(`/api/members/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
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
