import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/hooks/use-session';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AccountPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('title'));
  const user = useCurrentUser();
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="columns">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('profile.title')}</h2>
          <ProfileForm user={user} />
        </section>
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">{t('password.title')}</h2>
          <PasswordForm />
        </section>
        <section className="panel" aria-labelledby="mfa-title">
          <h2 id="mfa-title">{t('mfa.title')}</h2>
          {user.mfa.enrolled ? (
            <>
              <p>
                <span className="badge badge--ok">{t('mfa.title')}</span> {t('mfa.on')}
              </p>
              <p className="muted">{t('mfa.lost')}</p>
            </>
          ) : (
            <>
              <p>{t(user.mfa.required ? 'mfa.offRequired' : 'mfa.off')}</p>
              <Link className="button button--primary button--wrap" to="/enrol">
                {t('mfa.enable')}
              </Link>
            </>
          )}
        </section>
      </div>
    </>
  );
}
