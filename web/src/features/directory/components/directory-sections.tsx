import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useCurrentUser } from '@/hooks/use-session';

/** The directory's two halves; People only for the roles that may see people. */
export function DirectorySections() {
  const { t } = useTranslation('directory');
  const user = useCurrentUser();
  return (
    <>
      <nav className="subnav" aria-label={t('sections.label')}>
        <ul>
          {can(user, 'organisations', 'read') && (
            <li>
              <NavLink to="/directory/organisations">{t('sections.organisations')}</NavLink>
            </li>
          )}
          {can(user, 'people', 'read') && (
            <li>
              <NavLink to="/directory/people">{t('sections.people')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
