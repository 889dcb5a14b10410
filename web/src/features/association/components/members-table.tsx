import type { Membership } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { holderName } from './holder-name';
import { ResponsiveTable } from '@/components/responsive-table';

interface MembersTableProps {
  members: readonly Membership[];
  busy: boolean;
  canEnd: boolean;
  onEnd: (membership: Membership) => void;
}

export function MembersTable({ members, busy, canEnd, onEnd }: MembersTableProps) {
  const { t } = useTranslation(['association', 'common']);
  const locale = useLocale();
  if (members.length === 0) return <p className="muted table__empty">{t('association:members.empty')}</p>;
  return (
    <ResponsiveTable>
      <table className="table" data-testid="members-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t('association:members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('association:members.table.name')}</th>
            <th scope="col">{t('association:members.table.kind')}</th>
            <th scope="col">{t('association:members.table.startsOn')}</th>
            <th scope="col">{t('association:members.table.endsOn')}</th>
            <th scope="col">{t('association:members.table.sectors')}</th>
            {canEnd && <th scope="col">{t('association:members.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const name = holderName(m.holder, locale);
            return (
              <tr key={m.id}>
                <th scope="row">{name}</th>
                <td>{t(`association:kinds.${m.holder.kind}`)}</td>
                <td>{formatDay(m.startsOn, locale)}</td>
                <td>{m.endsOn ? formatDay(m.endsOn, locale) : t('common:none')}</td>
                <td>
                  {m.sectors.length
                    ? m.sectors.map((s) => pickLabel(s, locale)).join(', ')
                    : t('common:none')}
                </td>
                {canEnd && (
                  <td>
                    {m.endsOn === null && (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('association:members.endFor', { name })}
                        onClick={() => onEnd(m)}
                      >
                        {t('association:members.end')}
                      </button>
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
