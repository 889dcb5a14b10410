import type { RevokedSessions } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

/** Ends every session of a user: their next call needs a fresh sign-in. */
export function revokeUserSessions(id: string): Promise<RevokedSessions> {
  return api.delete<RevokedSessions>(`/api/users/${encodeURIComponent(id)}/sessions`);
}

export function useRevokeUserSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeUserSessions,
    onSuccess: (_result, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
