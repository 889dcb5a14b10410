import type { Session, UpdateSessionBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { intervisionKeys } from './keys';

/** Held, held by video, cancelled (the API wants the reason), or back to planned. */
export function updateSession({ base, body }: { base: Session; body: UpdateSessionBody }): Promise<Session> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Session>(`/api/intervision/sessions/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
