import type { RevokedSessions } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

/** Removes a user's second factor (a lost phone) and ends their sessions; they enrol again. */
export function resetUserMfa(id: string): Promise<RevokedSessions> {
  return api.delete<RevokedSessions>(`/api/users/${encodeURIComponent(id)}/mfa`);
}

export function useResetUserMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserMfa,
    onSuccess: (_result, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
