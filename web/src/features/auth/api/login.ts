import type { LoginBody, LoginResponse, MfaVerifyBody, SessionResponse } from '@smes/shared';
import { useAction } from '@/hooks/use-action';
import { api } from '@/lib/api-client';

/** The password step: a session, or (for an account with a second factor) a challenge. */
export function login(body: LoginBody): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', body, { auth: false });
}

// Not TanStack Query: the sign-in page is the first load and carries no query library.
export function useLogin() {
  return useAction(login, {
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
  return useAction(verifySecondFactor, { onSuccess: (session) => api.startSession(session) });
}
