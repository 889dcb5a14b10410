import type { Seat, UpdateSeatBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { seatKeys } from './keys';

export function updateSeat({ base, body }: { base: Seat; body: UpdateSeatBody }): Promise<Seat> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Seat>(`/api/governance/seats/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
}

export function useUpdateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSeat,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seatKeys.lists() }),
  });
}
