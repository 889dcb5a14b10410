import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { BreakGlassDialog } from '@/components/break-glass-dialog';
import { LanguageSwitch } from '@/components/language-switch';
import { FullPageLoading } from '@/components/status-pages';
import { useUpdateMe } from '@/features/account/api/update-me';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { useFocusHeading } from '@/hooks/use-focus-heading';
import { useCurrentUser } from '@/hooks/use-session';
import { LeaveGuard } from '@/lib/drafts';
import { addResources } from '@/lib/i18n';
import { signedInResources } from '@/locales/signed-in';
import { navGroups } from './nav-links';

// This chunk brings the signed-in screens' wording: it is there before any of them renders.
addResources(signedInResources);

/**
 * The signed-in frame. On a phone: a one-line bar with the menu button, the menu (grouped by
 * pole, with the language and sign-out) folded until asked for. From 64rem: the same menu as a
 * column beside the page. One markup, the stylesheet decides.
 */
export function AppLayout() {
  const { t } = useTranslation(['common', 'auth']);
  const user = useCurrentUser();
  const updateMe = useUpdateMe();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeading(mainRef);

  // Following a link closes the menu: the page, not the menu, is what the person asked for.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <NavLink to="/" className="brand">
            {t('appName')}
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
        </div>
        <div id="app-menu" className="app-menu" data-open={menuOpen}>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul className="main-nav__list">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
            </ul>
            {navGroups(user).map((group) => (
              <div key={group.id} className="main-nav__group">
                <p className="main-nav__title" id={`nav-group-${group.id}`}>
                  {t(`nav.groups.${group.id}`)}
                </p>
                <ul className="main-nav__list" aria-labelledby={`nav-group-${group.id}`}>
                  {group.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {t(`nav.${item.label}`)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <ul className="main-nav__list main-nav__list--account">
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="app-header__tools">
            <span className="app-header__user" data-testid="current-user">
              {user.displayName}
            </span>
            {/* Saved on the account too, so the next sign-in, anywhere, speaks it. */}
            <LanguageSwitch onChange={(locale) => updateMe.mutate({ body: { locale } })} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <LeaveGuard />
      <BreakGlassDialog />
      <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
        {/* Pages are fetched when first opened (see router.tsx). */}
        <Suspense fallback={<FullPageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
