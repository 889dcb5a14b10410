import type { CreateSessionBody, Session } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

export function createSession(body: CreateSessionBody): Promise<Session> {
  return api.post<Session>('/api/intervision/sessions', body);
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    // A session moves its group, and its cycle's schedule and figures.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
