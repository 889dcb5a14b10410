import type { LoginBody, SessionResponse } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function login(body: LoginBody): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/auth/login', body, { auth: false });
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => api.startSession(session),
  });
}
