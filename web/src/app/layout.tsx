import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useUpdateMe } from '@/features/account/api/update-me';
import { associationHome } from '@/features/association/components/association-sections';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { useCurrentUser } from '@/hooks/use-session';

/** The signed-in frame: the links follow what the user may open (the routes check again). */
export function AppLayout() {
  const { t } = useTranslation(['common', 'auth']);
  const user = useCurrentUser();
  const updateMe = useUpdateMe();

  const links = [
    { to: '/', label: t('nav.home'), end: true },
    can(user, 'organisations', 'read') && { to: '/directory', label: t('nav.directory'), end: false },
    // To /association, which opens the first section this user may see: the link stays lit on all.
    associationHome(user) !== null && { to: '/association', label: t('nav.association'), end: false },
    can(user, 'intervision', 'read') && { to: '/intervision', label: t('nav.intervision'), end: false },
    can(user, 'representation', 'read') && {
      to: '/representation',
      label: t('nav.representation'),
      end: false,
    },
    can(user, 'imports', 'read') && { to: '/imports', label: t('nav.imports'), end: false },
    can(user, 'users', 'read') && { to: '/admin/users', label: t('nav.users'), end: false },
    can(user, 'audit_log', 'read') && { to: '/admin/audit', label: t('nav.audit'), end: false },
    can(user, 'reference', 'update') && { to: '/admin/reference', label: t('nav.reference'), end: false },
    { to: '/account', label: t('nav.account'), end: false },
  ].filter((link) => link !== false);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="brand">
            {t('appName')}
          </NavLink>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__tools">
            {/* Saved on the account too, so the next sign-in, anywhere, speaks it. */}
            <LanguageSwitch onChange={(locale) => updateMe.mutate({ locale })} />
            <span className="app-header__user" data-testid="current-user">
              {user.displayName}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
