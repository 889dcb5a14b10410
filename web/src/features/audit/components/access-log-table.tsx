import { kindName, PURPOSES, recordPath, type AccessLogEntry } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime } from '@/lib/format';

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
    <ResponsiveTable>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{t('audit:accessLog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit:accessLog.at')}</th>
            <th scope="col">{t('audit:accessLog.who')}</th>
            <th scope="col">{t('audit:accessLog.what')}</th>
            <th scope="col">{t('audit:accessLog.purpose')}</th>
            <th scope="col">{t('audit:accessLog.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={5} className="table__empty">
                {t('audit:accessLog.empty')}
              </td>
            </tr>
          )}
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
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
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
