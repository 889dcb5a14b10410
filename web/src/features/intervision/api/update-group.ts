import type { Group, UpdateGroupBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { intervisionKeys } from './keys';

/**
 * Corrects a group (its cycle stays). The answer carries the facilitator pair's `warnings`, as
 * at creation; a smaller capacity removes no one already registered.
 */
export function updateGroup({ base, body }: { base: Group; body: UpdateGroupBody }): Promise<Group> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Group>(`/api/intervision/groups/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
  );
}

export function useUpdateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGroup,
    // The group's page, its cycle's list, schedule and figures all name it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
