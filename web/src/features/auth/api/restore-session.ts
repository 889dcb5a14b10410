import { api } from '@/lib/api-client';
import { sessionStore } from '@/lib/session';

let restoring: Promise<void> | null = null;

/**
 * On start-up, trade the refresh cookie (if any) for a session, once: without it every reload
 * would ask for the password again. No cookie, or a dead one, means the sign-in page.
 */
export function restoreSession(): Promise<void> {
  restoring ??= api.refresh().then((ok) => {
    if (!ok && sessionStore.getState().status === 'unknown') sessionStore.clear();
  });
  return restoring;
}
