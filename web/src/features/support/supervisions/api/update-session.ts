import type { SupervisionSession, UpdateSupervisionSessionBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { figureKeys } from '@/features/figures';
import { supervisionKeys } from './keys';

export function updateSession({
  base,
  body,
}: {
  base: SupervisionSession;
  body: UpdateSupervisionSessionBody;
}): Promise<SupervisionSession> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<SupervisionSession>(`/api/support/supervisions/sessions/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
