import {
  can,
  organisationName,
  roleTakesPoles,
  type HomeToDo,
  type SupportRequestSummary,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useBoard } from '@/features/support';
import { useCurrentUser } from '@/hooks/use-session';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { formatDay, formatNumber } from '@/lib/format';
import { useHome } from '../api/get-home';

/**
 * The person's to-do: each part the API answers (their access decides which), a Support
 * worker's requests due, then an honest word for the pole whose screens do not exist yet, then
 * the administration's links.
 */
export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  const user = useCurrentUser();
  const home = useHome();
  useDocumentTitle(t('common:nav.home'));
  const adminLinks = [
    can(user, 'users', 'read') && { to: '/admin/users', label: t('usersLink') },
    can(user, 'audit_log', 'read') && { to: '/admin/audit', label: t('auditLink') },
    can(user, 'reference', 'update') && { to: '/admin/reference', label: t('referenceLink') },
  ].filter((link) => link !== false);
  const poles = roleTakesPoles(user.role) ? user.poles : [];
  const unbuilt = poles.filter((pole): pole is 'housing_first' => pole === 'housing_first');
  const supportWorker = poles.includes('support') && can(user, 'support', 'read');

  return (
    <>
      <h1>{t('title', { name: user.displayName })}</h1>
      <p className="muted">
        {poles.length
          ? t('rolePoles', {
              role: t(`common:roles.${user.role}`),
              poles: poles.map((pole) => t(`common:poles.${pole}`)).join(', '),
            })
          : t('role', { role: t(`common:roles.${user.role}`) })}
      </p>

      {home.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : home.isError ? (
        <ErrorAlert error={home.error} />
      ) : (
        <ToDo todo={home.data} />
      )}

      {supportWorker && <SupportDue />}

      {unbuilt.map((pole) => (
        <section key={pole} className="panel" aria-labelledby={`pole-${pole}`} data-testid={`home-${pole}`}>
          <h2 id={`pole-${pole}`}>{t(`common:poles.${pole}`)}</h2>
          <p className="muted">{t(`notYet.${pole}`)}</p>
        </section>
      ))}

      {adminLinks.length > 0 && (
        <section className="panel" aria-labelledby="admin-title">
          <h2 id="admin-title">{t('adminTitle')}</h2>
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

function ToDo({ todo }: { todo: HomeToDo }) {
  const { t } = useTranslation('home');
  const locale = useLocale();
  const hasConnect = todo.sessionsToCome !== undefined || todo.unpaidFees !== undefined;
  return (
    <>
      {hasConnect && (
        <section className="panel" aria-labelledby="home-connect" data-testid="home-connect">
          <h2 id="home-connect">{t('connectTitle')}</h2>
          {todo.sessionsToCome && (
            <>
              <h3>{t('sessionsTitle')}</h3>
              {todo.sessionsToCome.length === 0 ? (
                <p className="muted">{t('noSessions')}</p>
              ) : (
                <ul className="link-list" data-testid="home-sessions">
                  {todo.sessionsToCome.map((s) => (
                    <li key={s.id}>
                      <Link to={`/intervision/groups/${s.group.id}`}>
                        {t('session', { day: formatDay(s.startsOn, locale), group: s.group.name })}
                      </Link>
                      <span className="table__sub">
                        {s.host ? t('host', { host: organisationName(s.host, locale) }) : t('noHost')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {todo.unpaidFees && (
            <>
              <h3>{t('feesTitle')}</h3>
              {todo.unpaidFees.length === 0 ? (
                <p className="muted">{t('noFees')}</p>
              ) : (
                <ul className="link-list" data-testid="home-fees">
                  {todo.unpaidFees.map((f) => (
                    <li key={f.cycleId}>
                      <Link to={`/intervision/cycles/${f.cycleId}/unpaid`}>
                        {t('fees', {
                          count: f.count,
                          n: formatNumber(f.count, locale),
                          cycle: f.cycleName,
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      )}
      {todo.unpaidDues && (
        <section className="panel" aria-labelledby="home-association" data-testid="home-association">
          <h2 id="home-association">{t('associationTitle')}</h2>
          {todo.unpaidDues.count === 0 ? (
            <p className="muted">{t('noDues', { year: todo.unpaidDues.year })}</p>
          ) : (
            <ul className="link-list">
              <li>
                <Link to={`/association/dues?year=${todo.unpaidDues.year}&status=unpaid`}>
                  {t('dues', {
                    count: todo.unpaidDues.count,
                    n: formatNumber(todo.unpaidDues.count, locale),
                    year: todo.unpaidDues.year,
                  })}
                </Link>
              </li>
            </ul>
          )}
          <p className="muted">{t('meetingsNotKept')}</p>
        </section>
      )}
      {todo.usersWithoutSecondFactor !== undefined && (
        <section className="panel" aria-labelledby="home-accounts" data-testid="home-accounts">
          <h2 id="home-accounts">{t('accountsTitle')}</h2>
          {todo.usersWithoutSecondFactor === 0 ? (
            <p className="muted">{t('allEnrolled')}</p>
          ) : (
            <ul className="link-list">
              <li>
                <Link to="/admin/users">
                  {t('withoutFactor', {
                    count: todo.usersWithoutSecondFactor,
                    n: formatNumber(todo.usersWithoutSecondFactor, locale),
                  })}
                </Link>
              </li>
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/**
 * A Support worker's requests still to answer: overdue, due today, due this week, from the due
 * board (a read with a purpose, logged), by their codes only.
 */
function SupportDue() {
  const { t } = useTranslation(['home', 'support']);
  const locale = useLocale();
  const board = useBoard();
  const due: [string, SupportRequestSummary[]][] = board.data
    ? [
        ['overdue', board.data.overdue],
        ['today', board.data.today],
        ['this_week', board.data.thisWeek],
      ]
    : [];
  const count = due.reduce((n, [, items]) => n + items.length, 0);
  return (
    <section className="panel" aria-labelledby="home-support" data-testid="home-support">
      <h2 id="home-support">{t('supportTitle')}</h2>
      {board.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : board.isError ? (
        <ErrorAlert error={board.error} />
      ) : count === 0 ? (
        <p className="muted">{t('noRequestsDue')}</p>
      ) : (
        due
          .filter(([, items]) => items.length > 0)
          .map(([bucket, items]) => (
            <div key={bucket}>
              <h3>{t(`support:buckets.${bucket as 'today'}`)}</h3>
              <ul className="link-list" data-testid={`home-support-${bucket}`}>
                {items.map((r) => (
                  <li key={r.id}>
                    <Link to={`/support/requests/${r.id}`}>
                      {t('support:board.item', { code: r.code, person: r.personCode })}
                    </Link>
                    <span className="table__sub">{t('requestDue', { day: formatDay(r.dueOn, locale) })}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))
      )}
      <p>
        <Link to="/support/requests">{t('requestsLink')}</Link>
      </p>
    </section>
  );
}
