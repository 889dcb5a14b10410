import type { Seat, UpdateSeatBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { seatKeys } from './keys';

export function updateSeat({ id, body }: { id: string; body: UpdateSeatBody }): Promise<Seat> {
  return api.patch<Seat>(`/api/governance/seats/${encodeURIComponent(id)}`, body);
}

export function useUpdateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSeat,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seatKeys.lists() }),
  });
}
