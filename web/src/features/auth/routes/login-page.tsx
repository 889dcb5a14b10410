import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { FullPageLoading } from '@/components/status-pages';
import { LoginForm } from '../components/login-form';
import { hasPrerenderedSignIn, removePrerenderedSignIn } from '../prerender/static-sign-in';
import { useSession } from '@/hooks/use-session';
import { useDocumentTitle } from '@/hooks/use-document-title';

interface LoginLocationState {
  from?: { pathname: string; search: string };
  reason?: string;
}

interface LoginPageProps {
  /**
   * Rendered at build time into the HTML sent for /login (see ../prerender): the form without
   * the session's answer, its buttons disabled until the app takes the page over.
   */
  prerendering?: boolean;
}

export function LoginPage({ prerendering = false }: LoginPageProps) {
  const { t } = useTranslation(['auth', 'common', 'errors']);
  const session = useSession();
  const state = useLocation().state as LoginLocationState | null;
  useDocumentTitle(t('auth:login.title'));
  // The page sent in the HTML stays on screen while the session is asked about, then goes in the
  // same frame as this page's form appears (its form took what was typed first): nothing blinks.
  const [prerendered] = useState(hasPrerenderedSignIn);
  const settled = session.status !== 'unknown';
  useLayoutEffect(() => {
    if (settled) removePrerenderedSignIn();
  }, [settled]);
  useLayoutEffect(() => removePrerenderedSignIn, []);

  if (session.status === 'unknown' && !prerendering) {
    return prerendered ? null : <FullPageLoading label={t('auth:restoring')} />;
  }
  if (session.status === 'authenticated') {
    const target = state?.from ? `${state.from.pathname}${state.from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">{t('common:appName')}</span>
        <LanguageSwitch disabled={prerendering} />
      </header>
      <main className="auth-page__card" id="main">
        <h1>{t('auth:login.title')}</h1>
        <p className="muted">{t('auth:login.intro')}</p>
        {(state?.reason === 'expired' || state?.reason === 'idle') && (
          <p className="alert alert--info" role="status">
            {t(state.reason === 'idle' ? 'errors:errors.SESSION_IDLE' : 'errors:errors.SESSION_EXPIRED')}
          </p>
        )}
        <LoginForm prerendering={prerendering} />
      </main>
    </div>
  );
}
