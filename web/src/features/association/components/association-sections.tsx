import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { ForbiddenPage } from '@/components/status-pages';
import { useCurrentUser } from '@/hooks/use-session';

/** Members and governance for those who keep them; dues also for the accountant. */
export function AssociationSections() {
  const { t } = useTranslation('association');
  const user = useCurrentUser();
  return (
    <>
      <nav className="subnav no-print" aria-label={t('sections.label')}>
        <ul>
          {can(user, 'membership', 'read') && (
            <>
              <li>
                <NavLink to="/association/members">{t('sections.members')}</NavLink>
              </li>
              <li>
                <NavLink to="/association/governance">{t('sections.governance')}</NavLink>
              </li>
            </>
          )}
          {can(user, 'dues', 'read') && (
            <li>
              <NavLink to="/association/dues">{t('sections.dues')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

/** Where the Association entry of the main navigation leads, by what the user may open. */
export function associationHome(user: Parameters<typeof can>[0]): string | null {
  if (can(user, 'membership', 'read')) return '/association/members';
  if (can(user, 'dues', 'read')) return '/association/dues';
  return null;
}

/** /association opens the first section the user may see, else the 403 page. */
export function AssociationIndex() {
  const home = associationHome(useCurrentUser());
  return home ? <Navigate to={home} replace /> : <ForbiddenPage />;
}
