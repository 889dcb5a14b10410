import { kindName, PURPOSES, recordPath, type AccessLogEntry } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { LogTable } from './log-table';

/**
 * Reads of sensitive records: who (and as which role), when, what (the kind in the user's
 * language, a link to the record when it has a page of its own), why, and the reason written
 * when the glass was broken.
 */
export function AccessLogTable({ entries, testId }: { entries: readonly AccessLogEntry[]; testId: string }) {
  const { t } = useTranslation(['audit', 'common']);
  const locale = useLocale();

  const what = (entry: AccessLogEntry) => {
    const count = entry.recordIds.length;
    const [only] = entry.recordIds;
    const path = count === 1 && only ? recordPath(entry.kind, { id: only, parentId: entry.parentId }) : null;
    const name =
      count === 1
        ? kindName(entry.kind, locale)
        : t('audit:accessLog.records', {
            kind: kindName(entry.kind, locale, count),
            count,
          });
    return path ? <Link to={path}>{name}</Link> : name;
  };

  return (
    <LogTable
      entries={entries}
      testId={testId}
      caption={t('audit:accessLog.caption')}
      headings={[
        t('audit:accessLog.at'),
        t('audit:accessLog.who'),
        t('audit:accessLog.what'),
        t('audit:accessLog.purpose'),
        t('audit:accessLog.reason'),
      ]}
      empty={t('audit:accessLog.empty')}
      cells={(entry) => (
        <>
          <td>
            {entry.userName ?? t('audit:accessLog.goneUser')}
            <br />
            <span className="muted">{t(`common:roles.${entry.role}`, { defaultValue: entry.role })}</span>
          </td>
          <td>{what(entry)}</td>
          <td>
            {entry.flagged ? (
              <strong>{PURPOSES[entry.purpose][locale]}</strong>
            ) : (
              PURPOSES[entry.purpose][locale]
            )}
          </td>
          <td className="prewrap">{entry.reason ?? t('common:none')}</td>
        </>
      )}
    />
  );
}
