import type { CreateSupervisionSessionBody, SupervisionSession } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { figureKeys } from '@/features/figures';
import { supervisionKeys } from './keys';

export function addSession({
  supervisionId,
  body,
}: {
  supervisionId: string;
  body: CreateSupervisionSessionBody;
}): Promise<SupervisionSession> {
  return api.post<SupervisionSession>(
    `/api/support/supervisions/${encodeURIComponent(supervisionId)}/sessions`,
    body,
  );
}

export function useAddSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addSession,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
