import type { GenerateSessionsBody, GeneratedSessions } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** With `dryRun` the API only says which dates the rule gives; without, it creates them. */
export function generateSessions({
  groupId,
  body,
}: {
  groupId: string;
  body: GenerateSessionsBody;
}): Promise<GeneratedSessions> {
  return api.post<GeneratedSessions>(
    `/api/intervision/groups/${encodeURIComponent(groupId)}/sessions/generate`,
    body,
  );
}

export function useGenerateSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateSessions,
    onSuccess: (result) => {
      if (result.created.length > 0) return queryClient.invalidateQueries({ queryKey: intervisionKeys.all });
    },
  });
}
