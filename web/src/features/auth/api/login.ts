import type { LoginBody, LoginResponse, MfaVerifyBody, SessionResponse } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The password step: a session, or (for an account with a second factor) a challenge. */
export function login(body: LoginBody): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', body, { auth: false });
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (!('mfaRequired' in result)) api.startSession(result);
    },
  });
}

/** The code step: the challenge with a code from the app, or a recovery code. */
export function verifySecondFactor(body: MfaVerifyBody): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/auth/mfa', body, { auth: false });
}

export function useVerifySecondFactor() {
  return useMutation({
    mutationFn: verifySecondFactor,
    onSuccess: (session) => api.startSession(session),
  });
}
