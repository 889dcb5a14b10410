import type { CreateCycleBody, Cycle } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function createCycle(body: CreateCycleBody): Promise<Cycle> {
  return api.post<Cycle>('/api/intervision/cycles', body);
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCycle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.cycles() }),
  });
}
