import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/logout';

export function SignOutButton() {
  const { t } = useTranslation('auth');
  const logout = useLogout();
  return (
    <button
      type="button"
      className="button--ghost"
      disabled={logout.isPending}
      onClick={() => logout.mutate()}
    >
      {t('signOut')}
    </button>
  );
}
