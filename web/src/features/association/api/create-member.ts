import type { CreateMembershipBody, Membership } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { memberKeys } from './keys';
import { figureKeys } from '@/features/figures';

export function createMember(body: CreateMembershipBody): Promise<Membership> {
  return api.post<Membership>('/api/members', body);
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        // Members and dues move the figure engine's counts and totals.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
