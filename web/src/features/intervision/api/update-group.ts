import type { Group, UpdateGroupBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/**
 * Corrects a group (its cycle stays). The answer carries the facilitator pair's `warnings`, as
 * at creation; a smaller capacity removes no one already registered.
 */
export function updateGroup({ id, body }: { id: string; body: UpdateGroupBody }): Promise<Group> {
  return api.patch<Group>(`/api/intervision/groups/${encodeURIComponent(id)}`, body);
}

export function useUpdateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGroup,
    // The group's page, its cycle's list, schedule and figures all name it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
