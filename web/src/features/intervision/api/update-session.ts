import type { Session, UpdateSessionBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** Held, held by video, cancelled (the API wants the reason), or back to planned. */
export function updateSession({ id, body }: { id: string; body: UpdateSessionBody }): Promise<Session> {
  return api.patch<Session>(`/api/intervision/sessions/${encodeURIComponent(id)}`, body);
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
