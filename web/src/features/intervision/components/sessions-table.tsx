import { Fragment, useState } from 'react';
import {
  activeOn,
  organisationName,
  type OrganisationRef,
  type Registration,
  type Session,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { today } from '@/lib/bilingual';
import { formatDay, formatNumber } from '@/lib/format';
import { useUpdateSession } from '../api/update-session';
import { SessionAttendanceForm } from './attendance-form';
import { CancelSessionDialog } from './cancel-session-dialog';
import { MoveSessionDialog } from './move-session-dialog';
import { weekdayName, weekdayOf } from './weekdays';
import { ResponsiveTable } from '@/components/responsive-table';

const BADGES: Record<Session['status'], string> = {
  planned: 'badge badge--info',
  held: 'badge badge--ok',
  held_video: 'badge badge--ok',
  cancelled: 'badge badge--muted',
};

/** Only a session that took place, in person or by video, counts people present. */
const held = (session: Session) => session.status === 'held' || session.status === 'held_video';

interface SessionsTableProps {
  sessions: readonly Session[];
  registrations: readonly Registration[];
  canUpdate: boolean;
  onChanged: (text: string) => void;
}

export function SessionsTable({ sessions, registrations, canUpdate, onChanged }: SessionsTableProps) {
  const { t } = useTranslation(['intervision', 'common']);
  const locale = useLocale();
  const update = useEditConflict(useUpdateSession());
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [moving, setMoving] = useState<Session | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<string | null>(null);
  const [heldEarly, setHeldEarly] = useState<{ session: Session; status: 'held' | 'held_video' } | null>(
    null,
  );
  if (sessions.length === 0) return <p className="muted table__empty">{t('intervision:sessions.empty')}</p>;

  // Hosts are the participants' organisations, each in turn; a host from elsewhere stays listed.
  const hosts = new Map<string, OrganisationRef>();
  for (const r of registrations) if (r.status === 'registered') hosts.set(r.organisation.id, r.organisation);
  for (const s of sessions) if (s.host) hosts.set(s.host.id, s.host);
  const hostOptions = [...hosts.values()].sort((a, b) =>
    organisationName(a, locale).localeCompare(organisationName(b, locale), locale),
  );
  const sorted = [...sessions].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  // "Present 3 of 8": of those who were participants on that day, not of today's list.
  const participantsOn = (day: string) => registrations.filter((r) => activeOn(r, day)).length;
  const columns = canUpdate ? 5 : 4;
  const todayIso = today();

  // `confirmToCome` only after the question below: the API refuses a session to come otherwise.
  const setStatus = (
    session: Session,
    status: 'planned' | 'held' | 'held_video',
    day: string,
    confirmToCome = false,
  ) =>
    update.mutate(
      { base: session, body: confirmToCome ? { status, confirmToCome } : { status } },
      { onSuccess: () => onChanged(t(`intervision:sessions.marked.${status}`, { day })) },
    );

  return (
    <ResponsiveTable>
      <table className="table" data-testid="sessions-table" aria-busy={update.isPending || undefined}>
        <caption className="visually-hidden">{t('intervision:sessions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intervision:sessions.table.date')}</th>
            <th scope="col">{t('intervision:sessions.table.host')}</th>
            <th scope="col">{t('intervision:sessions.table.status')}</th>
            <th scope="col">{t('intervision:sessions.table.attendance')}</th>
            {canUpdate && <th scope="col">{t('intervision:sessions.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((session) => {
            const day = formatDay(session.startsOn, locale);
            return (
              <Fragment key={session.id}>
                <tr>
                  <th scope="row" className="nowrap">
                    {day}
                    <span className="table__sub">{weekdayName(weekdayOf(session.startsOn), locale)}</span>
                  </th>
                  <td>
                    {canUpdate ? (
                      <select
                        aria-label={t('intervision:sessions.hostFor', { day })}
                        value={session.host?.id ?? ''}
                        disabled={update.isPending}
                        onChange={(e) =>
                          update.mutate(
                            { base: session, body: { hostOrganisationId: e.target.value || null } },
                            { onSuccess: () => onChanged(t('intervision:sessions.hostSaved', { day })) },
                          )
                        }
                      >
                        <option value="">{t('intervision:sessions.noHost')}</option>
                        {hostOptions.map((o) => (
                          <option key={o.id} value={o.id}>
                            {organisationName(o, locale)}
                          </option>
                        ))}
                      </select>
                    ) : session.host ? (
                      organisationName(session.host, locale)
                    ) : (
                      t('common:none')
                    )}
                  </td>
                  <td>
                    <span className={BADGES[session.status]}>
                      {t(`intervision:statuses.${session.status}`)}
                    </span>
                    {session.status === 'cancelled' && session.cancelReason && (
                      <span className="table__sub">{session.cancelReason}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    {held(session)
                      ? t('intervision:sessions.present', {
                          present: formatNumber(session.attendance.length, locale),
                          total: formatNumber(participantsOn(session.startsOn), locale),
                        })
                      : t('common:none')}
                  </td>
                  {canUpdate && (
                    <td>
                      <div className="table__actions">
                        {(['held', 'held_video'] as const)
                          .filter((status) => session.status !== status)
                          .map((status) => (
                            <button
                              key={status}
                              type="button"
                              className="button--small"
                              aria-label={t(`intervision:sessions.mark.${status}For`, { day })}
                              disabled={update.isPending}
                              onClick={() =>
                                // A session to come counts in the figures once held: ask first.
                                session.startsOn > todayIso
                                  ? setHeldEarly({ session, status })
                                  : setStatus(session, status, day)
                              }
                            >
                              {t(`intervision:sessions.mark.${status}`)}
                            </button>
                          ))}
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('intervision:sessions.move.openFor', { day })}
                          onClick={() => setMoving(session)}
                        >
                          {t('intervision:sessions.move.open')}
                        </button>
                        {session.status !== 'cancelled' && (
                          <button
                            type="button"
                            className="button--small"
                            aria-label={t('intervision:sessions.mark.cancelledFor', { day })}
                            onClick={() => setCancelling(session)}
                          >
                            {t('intervision:sessions.mark.cancelled')}
                          </button>
                        )}
                        {session.status !== 'planned' && (
                          <button
                            type="button"
                            className="button--small"
                            aria-label={t('intervision:sessions.mark.plannedFor', { day })}
                            disabled={update.isPending}
                            onClick={() => setStatus(session, 'planned', day)}
                          >
                            {t('intervision:sessions.mark.planned')}
                          </button>
                        )}
                        {session.status !== 'cancelled' && (
                          <button
                            type="button"
                            className="button--small"
                            aria-expanded={attendanceOf === session.id}
                            aria-label={t('intervision:attendance.openFor', { day })}
                            onClick={() => setAttendanceOf(attendanceOf === session.id ? null : session.id)}
                          >
                            {t('intervision:attendance.open')}
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
                {attendanceOf === session.id && session.status !== 'cancelled' && (
                  <tr className="is-editing">
                    <td colSpan={columns}>
                      <SessionAttendanceForm
                        session={session}
                        registrations={registrations}
                        onCancel={() => setAttendanceOf(null)}
                        onSaved={() => {
                          setAttendanceOf(null);
                          onChanged(t('intervision:attendance.saved', { day }));
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <ErrorAlert error={update.error} />
      <EditConflict
        edit={update}
        label={(field) =>
          t(
            field === 'hostOrganisationId'
              ? 'intervision:sessions.table.host'
              : 'intervision:sessions.table.status',
          )
        }
        display={(field, value) =>
          field === 'status'
            ? t(`intervision:statuses.${value as Session['status']}`)
            : field === 'hostOrganisationId'
              ? (() => {
                  const host = typeof value === 'string' ? hosts.get(value) : undefined;
                  return host ? organisationName(host, locale) : String(value ?? '');
                })()
              : String(value ?? '')
        }
      />
      {moving && (
        <MoveSessionDialog
          session={moving}
          onCancel={() => setMoving(null)}
          onDone={(startsOn) => {
            onChanged(
              t('intervision:sessions.move.done', {
                from: formatDay(moving.startsOn, locale),
                to: formatDay(startsOn, locale),
              }),
            );
            setMoving(null);
          }}
        />
      )}
      {heldEarly && (
        <ConfirmDialog
          open
          title={t('intervision:sessions.future.title', {
            day: formatDay(heldEarly.session.startsOn, locale),
          })}
          confirmLabel={t(`intervision:sessions.mark.${heldEarly.status}`)}
          cancelLabel={t('intervision:sessions.cancelClose')}
          busy={update.isPending}
          onConfirm={() => {
            setStatus(
              heldEarly.session,
              heldEarly.status,
              formatDay(heldEarly.session.startsOn, locale),
              true,
            );
            setHeldEarly(null);
          }}
          onCancel={() => setHeldEarly(null)}
        >
          <p>{t('intervision:sessions.future.body')}</p>
        </ConfirmDialog>
      )}
      {cancelling && (
        <CancelSessionDialog
          session={cancelling}
          onCancel={() => setCancelling(null)}
          onDone={() => {
            onChanged(
              t('intervision:sessions.marked.cancelled', { day: formatDay(cancelling.startsOn, locale) }),
            );
            setCancelling(null);
          }}
        />
      )}
    </ResponsiveTable>
  );
}
