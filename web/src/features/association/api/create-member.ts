import type { CreateMembershipBody, Membership } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { memberKeys } from './keys';

export function createMember(body: CreateMembershipBody): Promise<Membership> {
  return api.post<Membership>('/api/members', body);
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  });
}
