import type { RepresentationMeeting } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { personName } from '@/features/directory';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';
import { ResponsiveTable } from '@/components/responsive-table';

interface MeetingsTableProps {
  meetings: readonly RepresentationMeeting[];
  busy: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: (meeting: RepresentationMeeting) => void;
  onDelete: (meeting: RepresentationMeeting) => void;
}

export function MeetingsTable({
  meetings,
  busy,
  canUpdate,
  canDelete,
  onEdit,
  onDelete,
}: MeetingsTableProps) {
  const { t } = useTranslation(['representation', 'common']);
  const locale = useLocale();
  if (meetings.length === 0) return <p className="muted table__empty">{t('representation:table.empty')}</p>;
  return (
    <ResponsiveTable>
      <table className="table" data-testid="meetings-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t('representation:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('representation:table.heldOn')}</th>
            <th scope="col">{t('representation:table.body')}</th>
            <th scope="col">{t('representation:table.topic')}</th>
            <th scope="col">{t('representation:table.attendees')}</th>
            {(canUpdate || canDelete) && <th scope="col">{t('representation:table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => {
            const day = formatDay(m.heldOn, locale);
            return (
              <tr key={m.id}>
                <th scope="row" className="nowrap">
                  {day}
                </th>
                <td>{m.body}</td>
                <td>
                  {m.topic}
                  {m.notes && <span className="table__sub prewrap">{m.notes}</span>}
                </td>
                <td>{m.attendees.length ? m.attendees.map(personName).join(', ') : t('common:none')}</td>
                {(canUpdate || canDelete) && (
                  <td>
                    <div className="table__actions">
                      {canUpdate && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('representation:table.editFor', { day, body: m.body })}
                          onClick={() => onEdit(m)}
                        >
                          {t('representation:table.edit')}
                        </button>
                      )}
                      {canDelete && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('representation:table.deleteFor', { day, body: m.body })}
                          onClick={() => onDelete(m)}
                        >
                          {t('representation:table.delete')}
                        </button>
                      )}
                    </div>
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
