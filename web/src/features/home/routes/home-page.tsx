import { can, roleTakesPoles } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/hooks/use-session';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('nav.home'));
  const adminLinks = [
    can(user, 'users', 'read') && { to: '/admin/users', label: t('home.usersLink') },
    can(user, 'audit_log', 'read') && { to: '/admin/audit', label: t('home.auditLink') },
    can(user, 'reference', 'update') && { to: '/admin/reference', label: t('home.referenceLink') },
  ].filter((link) => link !== false);

  return (
    <>
      <h1>{t('home.title', { name: user.displayName })}</h1>
      <p className="muted">{t('home.intro')}</p>
      <p>{t('home.role', { role: t(`roles.${user.role}`) })}</p>

      {roleTakesPoles(user.role) && (
        <section className="panel" aria-labelledby="poles-title">
          <h2 id="poles-title">{t('home.yourPoles')}</h2>
          <ul className="pole-list">
            {user.poles.map((pole) => (
              <li key={pole} className={`pole-card pole-card--${pole}`}>
                {t(`poles.${pole}`)}
              </li>
            ))}
          </ul>
          <p className="muted">{t('home.polesSoon')}</p>
        </section>
      )}

      {adminLinks.length > 0 && (
        <section className="panel" aria-labelledby="admin-title">
          <h2 id="admin-title">{t('home.adminTitle')}</h2>
          <ul className="link-list">
            {adminLinks.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
