import type { SupervisionSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDay, formatNumber } from '@/lib/format';

interface SessionsTableProps {
  sessions: SupervisionSession[];
  canUpdate: boolean;
  onHeld: (session: SupervisionSession) => void;
  onCancel: (session: SupervisionSession) => void;
}

/** A supervision's sessions in date order: the pair, held (participants) or cancelled (why). */
export function SessionsTable({ sessions, canUpdate, onHeld, onCancel }: SessionsTableProps) {
  const { t } = useTranslation('supervisions');
  const locale = useLocale();
  if (!sessions.length) return <p className="muted">{t('sessions.none')}</p>;
  return (
    <ResponsiveTable>
      <table className="table" data-testid="sessions-table">
        <caption className="visually-hidden">{t('sessions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.day')}</th>
            <th scope="col">{t('sessions.pair')}</th>
            <th scope="col">{t('sessions.status')}</th>
            {canUpdate && <th scope="col">{t('sessions.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const day = formatDay(s.startsOn, locale);
            return (
              <tr key={s.id}>
                <th scope="row" className="nowrap">
                  {day}
                </th>
                <td>{s.workers.map((w) => w.displayName).join(' · ')}</td>
                <td>
                  {t(`sessions.statuses.${s.status}`)}
                  {s.status === 'held' && s.participants !== null && (
                    <span className="table__sub">
                      {t('sessions.participants', {
                        count: s.participants,
                        n: formatNumber(s.participants, locale),
                      })}
                    </span>
                  )}
                  {s.status === 'cancelled' && s.cancelReason && (
                    <span className="table__sub">{s.cancelReason}</span>
                  )}
                </td>
                {canUpdate && (
                  <td>
                    {s.status === 'planned' && (
                      <div className="table__actions">
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('sessions.markHeldFor', { day })}
                          onClick={() => onHeld(s)}
                        >
                          {t('sessions.markHeld')}
                        </button>
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('sessions.cancelFor', { day })}
                          onClick={() => onCancel(s)}
                        >
                          {t('sessions.cancel')}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
