import { useSyncExternalStore } from 'react';
import { sessionStore } from '@/lib/session';
import type { SessionState } from '@/lib/session';

export function useSession(): SessionState {
  // The third argument serves the build's rendering of the sign-in page (features/auth/prerender).
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState, sessionStore.getState);
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser() {
  const session = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser outside <RequireAuth>');
  return session.user;
}
