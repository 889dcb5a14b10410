import type { CreateGroupBody, Group } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** The answer carries `warnings` (an incomplete or one-sided facilitator pair): said, not refused. */
export function createGroup(body: CreateGroupBody): Promise<Group> {
  return api.post<Group>('/api/intervision/groups', body);
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: (group) => queryClient.invalidateQueries({ queryKey: intervisionKeys.cycle(group.cycleId) }),
  });
}
