import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { FullPageLoading } from '@/components/status-pages';
import { LoginForm } from '../components/login-form';
import { useSession } from '@/hooks/use-session';
import { useDocumentTitle } from '@/hooks/use-document-title';

interface LoginLocationState {
  from?: { pathname: string; search: string };
  reason?: string;
}

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common', 'errors']);
  const session = useSession();
  const state = useLocation().state as LoginLocationState | null;
  useDocumentTitle(t('auth:login.title'));

  if (session.status === 'unknown') return <FullPageLoading label={t('auth:restoring')} />;
  if (session.status === 'authenticated') {
    const target = state?.from ? `${state.from.pathname}${state.from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">{t('common:appName')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth-page__card" id="main">
        <h1>{t('auth:login.title')}</h1>
        <p className="muted">{t('auth:login.intro')}</p>
        {(state?.reason === 'expired' || state?.reason === 'idle') && (
          <p className="alert alert--info" role="status">
            {t(state.reason === 'idle' ? 'errors:errors.SESSION_IDLE' : 'errors:errors.SESSION_EXPIRED')}
          </p>
        )}
        <LoginForm />
      </main>
    </div>
  );
}
