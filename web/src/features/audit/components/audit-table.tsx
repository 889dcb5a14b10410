import { kindName, type AuditEntry } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { LogTable } from './log-table';

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation(['audit', 'common']);
  const locale = useLocale();

  return (
    <LogTable
      entries={entries}
      testId="audit-table"
      caption={t('audit:table.caption')}
      headings={[
        t('audit:table.at'),
        t('audit:table.actor'),
        t('audit:table.action'),
        t('audit:table.resourceType'),
        t('audit:table.resourceId'),
        t('audit:table.ip'),
      ]}
      empty={t('audit:table.empty')}
      cells={(entry) => (
        <>
          <td>{entry.actorEmail ?? t('audit:table.system')}</td>
          <td>{t(`audit:actions.${entry.action}`)}</td>
          <td>{kindName(entry.resourceType, locale)}</td>
          <td className="mono">{entry.resourceId ?? t('common:none')}</td>
          <td className="mono">{entry.ip ?? t('common:none')}</td>
        </>
      )}
    />
  );
}
