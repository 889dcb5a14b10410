import { kindName, type AuditEntry } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime } from '@/lib/format';
import { ResponsiveTable } from '@/components/responsive-table';

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation(['audit', 'common']);
  const locale = useLocale();

  return (
    <ResponsiveTable>
      <table className="table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit:table.at')}</th>
            <th scope="col">{t('audit:table.actor')}</th>
            <th scope="col">{t('audit:table.action')}</th>
            <th scope="col">{t('audit:table.resourceType')}</th>
            <th scope="col">{t('audit:table.resourceId')}</th>
            <th scope="col">{t('audit:table.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('audit:table.empty')}
              </td>
            </tr>
          )}
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>{entry.actorEmail ?? t('audit:table.system')}</td>
              <td>{t(`audit:actions.${entry.action}`)}</td>
              <td>{kindName(entry.resourceType, locale)}</td>
              <td className="mono">{entry.resourceId ?? t('common:none')}</td>
              <td className="mono">{entry.ip ?? t('common:none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
