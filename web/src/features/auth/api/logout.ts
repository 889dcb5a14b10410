import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The refresh cookie is enough for the server to end this session. */
export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout', {}, { auth: false });
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be reached: the user asked to leave.
    onSettled: () => api.endSession('signedOut'),
  });
}
