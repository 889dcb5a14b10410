import type { CreateSeatBody, Seat } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { seatKeys } from './keys';

export function createSeat(body: CreateSeatBody): Promise<Seat> {
  return api.post<Seat>('/api/governance/seats', body);
}

export function useCreateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSeat,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seatKeys.lists() }),
  });
}
