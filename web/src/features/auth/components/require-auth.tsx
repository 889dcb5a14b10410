import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoading } from '@/components/status-pages';
import { useSession } from '@/hooks/use-session';

/**
 * Lets signed-in users through; sends others to /login, remembering where they were going. A user
 * who must have a second factor and has none yet goes to /enrol (the API refuses the rest).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation('auth');
  const session = useSession();
  const location = useLocation();

  if (session.status === 'unknown') return <FullPageLoading label={t('restoring')} />;
  if (session.status === 'anonymous') {
    // After a deliberate sign-out the next person should start from home, not from our page.
    const state = session.reason === 'signedOut' ? undefined : { from: location, reason: session.reason };
    return <Navigate to="/login" replace state={state} />;
  }
  const { mfa } = session.user;
  if (mfa.required && !mfa.enrolled && location.pathname !== '/enrol') {
    return <Navigate to="/enrol" replace />;
  }
  return children;
}
