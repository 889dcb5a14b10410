import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { wipeDrafts } from '@/lib/drafts/store';

/** The refresh cookie is enough for the server to end this session. */
export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout', {}, { auth: false });
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be reached: the user asked to leave.
    // Drafts and their key go too: the next person on this device finds nothing of it.
    onSettled: () => {
      void wipeDrafts();
      api.endSession('signedOut');
    },
  });
}
