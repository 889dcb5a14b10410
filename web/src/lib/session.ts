import type { Me } from '@smes/shared';

/**
 * The signed-in session, in memory only: the access token never goes to localStorage or to the
 * query cache, so a script injected into the page cannot find it there. The refresh token is an
 * HttpOnly cookie the browser keeps for us.
 */
export type SessionState =
  | { status: 'unknown' }
  | { status: 'anonymous'; reason: SignOutReason }
  | { status: 'authenticated'; user: Me };

/**
 * Why nobody is signed in: never was, chose to leave, the session ran out on its own, or it was
 * closed after SESSION_IDLE_MINUTES without activity.
 */
export type SignOutReason = 'none' | 'signedOut' | 'expired' | 'idle';

export interface SessionStore {
  getState(): SessionState;
  getAccessToken(): string | null;
  subscribe(listener: () => void): () => void;
  signIn(accessToken: string, user: Me): void;
  updateUser(user: Me): void;
  clear(reason?: SignOutReason): void;
}

export function createSessionStore(): SessionStore {
  let state: SessionState = { status: 'unknown' };
  let accessToken: string | null = null;
  const listeners = new Set<() => void>();

  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    getState: () => state,
    getAccessToken: () => accessToken,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(token, user) {
      accessToken = token;
      set({ status: 'authenticated', user });
    },
    updateUser(user) {
      if (state.status === 'authenticated') set({ status: 'authenticated', user });
    },
    clear(reason = 'none') {
      accessToken = null;
      set({ status: 'anonymous', reason });
    },
  };
}

/** The app's one session. */
export const sessionStore = createSessionStore();
