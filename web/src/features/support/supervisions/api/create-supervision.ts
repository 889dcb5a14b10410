import type { CreateSupervisionBody, Supervision } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export function createSupervision(body: CreateSupervisionBody): Promise<Supervision> {
  return api.post<Supervision>('/api/support/supervisions', body);
}

export function useCreateSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSupervision,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.lists() }),
  });
}
