import { useTranslation } from 'react-i18next';
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
      </div>
    </>
  );
}
