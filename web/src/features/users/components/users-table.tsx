import type { User } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime, formatNumber } from '@/lib/format';
import { ResponsiveTable } from '@/components/responsive-table';

interface UsersTableProps {
  users: readonly User[];
  busy: boolean;
  onEdit: (user: User) => void;
  onToggleDisabled: (user: User) => void;
  onEndSessions: (user: User) => void;
  onResetMfa: (user: User) => void;
}

export function UsersTable({
  users,
  busy,
  onEdit,
  onToggleDisabled,
  onEndSessions,
  onResetMfa,
}: UsersTableProps) {
  const { t } = useTranslation(['users', 'common']);
  const locale = useLocale();

  return (
    <ResponsiveTable>
      <table className="table" data-testid="users-table">
        <caption className="visually-hidden">{t('users:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users:table.name')}</th>
            <th scope="col">{t('users:table.email')}</th>
            <th scope="col">{t('users:table.role')}</th>
            <th scope="col">{t('users:table.poles')}</th>
            <th scope="col">{t('users:table.status')}</th>
            <th scope="col">{t('users:table.lastLogin')}</th>
            <th scope="col" className="num">
              {t('users:table.sessions')}
            </th>
            <th scope="col">{t('users:table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 && (
            <tr>
              <td colSpan={8} className="table__empty">
                {t('users:table.empty')}
              </td>
            </tr>
          )}
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? 'is-disabled' : undefined}>
              <th scope="row">{user.displayName}</th>
              <td>{user.email}</td>
              <td>{t(`common:roles.${user.role}`)}</td>
              <td>
                {user.poles.length
                  ? user.poles.map((p) => t(`common:poles.${p}`)).join(', ')
                  : t('common:none')}
              </td>
              <td>
                <span className={user.disabled ? 'badge badge--muted' : 'badge badge--ok'}>
                  {t(user.disabled ? 'users:status.disabled' : 'users:status.active')}
                </span>{' '}
                <span className={user.mfaEnrolled ? 'badge badge--ok' : 'badge badge--muted'}>
                  {t(user.mfaEnrolled ? 'users:status.mfaOn' : 'users:status.mfaOff')}
                </span>
              </td>
              <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users:table.never')}</td>
              <td className="num">{formatNumber(user.activeSessions, locale)}</td>
              <td>
                <div className="table__actions">
                  <button
                    type="button"
                    className="button--small"
                    aria-label={t('users:actions.editFor', { name: user.displayName })}
                    onClick={() => onEdit(user)}
                  >
                    {t('users:actions.edit')}
                  </button>
                  <button
                    type="button"
                    className="button--small"
                    disabled={busy}
                    aria-label={t(user.disabled ? 'users:actions.enableFor' : 'users:actions.disableFor', {
                      name: user.displayName,
                    })}
                    onClick={() => onToggleDisabled(user)}
                  >
                    {t(user.disabled ? 'users:actions.enable' : 'users:actions.disable')}
                  </button>
                  <button
                    type="button"
                    className="button--small"
                    disabled={busy}
                    aria-label={t('users:actions.endSessionsFor', { name: user.displayName })}
                    onClick={() => onEndSessions(user)}
                  >
                    {t('users:actions.endSessions')}
                  </button>
                  {user.mfaEnrolled && (
                    <button
                      type="button"
                      className="button--small"
                      disabled={busy}
                      aria-label={t('users:actions.resetMfaFor', { name: user.displayName })}
                      onClick={() => onResetMfa(user)}
                    >
                      {t('users:actions.resetMfa')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
