import { type ImportReport, organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { formatNumber } from '@/lib/format';
import { fieldLabel } from './field-label';
import type { ImportField } from './field-label';
import { ResponsiveTable } from '@/components/responsive-table';

interface ImportReportViewProps {
  report: ImportReport;
  fields: readonly ImportField[] | undefined;
}

const COUNTS = ['rows', 'created', 'updated', 'unchanged', 'rejected'] as const;

/** What the file holds and what the import does (or did) with it, row by row. */
export function ImportReportView({ report, fields }: ImportReportViewProps) {
  const { t } = useTranslation(['imports', 'errors', 'common']);
  const locale = useLocale();
  const hasCandidates = report.preview.some((p) => p.candidates?.length);
  const delimiter = report.file.delimiter === '\t' ? t('imports:file.tab') : report.file.delimiter;

  return (
    <section className="panel" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">{t(`imports:status.${report.status}`)}</h2>
      <dl className="facts facts--row" data-testid="import-file">
        <div>
          <dt>{t('imports:file.name')}</dt>
          <dd>{report.file.name}</dd>
        </div>
        <div>
          <dt>{t('imports:file.format')}</dt>
          <dd>{report.file.format.toUpperCase()}</dd>
        </div>
        {report.file.encoding && (
          <div>
            <dt>{t('imports:file.encoding')}</dt>
            <dd>{report.file.encoding}</dd>
          </div>
        )}
        {delimiter && (
          <div>
            <dt>{t('imports:file.delimiter')}</dt>
            <dd className="mono">{delimiter}</dd>
          </div>
        )}
      </dl>

      <h3>{t('imports:counts.title')}</h3>
      <dl className="facts facts--row" data-testid="import-counts">
        {COUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`imports:counts.${key}`)}</dt>
            <dd>{formatNumber(report.counts[key], locale)}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('imports:columns.title')}</h3>
      {report.missingColumns.length > 0 && (
        <p className="alert alert--error" data-testid="missing-columns">
          {t('imports:columns.missing', {
            fields: report.missingColumns.map((key) => fieldLabel(fields, key, locale)).join(', '),
          })}
        </p>
      )}
      <ResponsiveTable>
        <table className="table" data-testid="import-columns">
          <caption className="visually-hidden">{t('imports:columns.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports:columns.header')}</th>
              <th scope="col">{t('imports:columns.field')}</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((column, i) => (
              <tr key={`${i}-${column.header}`}>
                <th scope="row">{column.header}</th>
                <td>
                  {column.field ? (
                    fieldLabel(fields, column.field, locale)
                  ) : (
                    <span className="badge badge--warning">{t('imports:columns.unmapped')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ResponsiveTable>

      {report.errors.length > 0 && (
        <>
          <h3>{t('imports:errors.title', { count: report.errors.length })}</h3>
          <ResponsiveTable>
            <table className="table" data-testid="import-errors">
              <caption className="visually-hidden">{t('imports:errors.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports:errors.row')}</th>
                  <th scope="col">{t('imports:errors.column')}</th>
                  <th scope="col">{t('imports:errors.reason')}</th>
                  <th scope="col">{t('imports:errors.value')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.field}-${i}`}>
                    <td>{e.row}</td>
                    <td>{e.column ?? fieldLabel(fields, e.field, locale)}</td>
                    <td>{t(`errors:fieldErrors.${e.code}`)}</td>
                    <td>{e.value ?? t('common:none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ResponsiveTable>
        </>
      )}

      {report.warnings.length > 0 && (
        <>
          <h3>{t('imports:warnings.title', { count: report.warnings.length })}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="import-warnings">
              <caption className="visually-hidden">{t('imports:warnings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports:errors.row')}</th>
                  <th scope="col">{t('imports:errors.column')}</th>
                  <th scope="col">{t('imports:warnings.reason')}</th>
                  <th scope="col">{t('imports:errors.value')}</th>
                </tr>
              </thead>
              <tbody>
                {report.warnings.map((w, i) => (
                  <tr key={`${w.row}-${w.field}-${i}`}>
                    <td>{w.row}</td>
                    <td>{w.column ?? fieldLabel(fields, w.field, locale)}</td>
                    <td>{t(`imports:warnings.${w.code}`)}</td>
                    <td>{w.value ?? t('common:none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {/* A refused file does nothing: what each row would have done would only mislead. */}
      {report.status !== 'rejected' && report.preview.length > 0 && (
        <>
          <h3>{t('imports:preview.title')}</h3>
          <ResponsiveTable>
            <table className="table" data-testid="import-preview">
              <caption className="visually-hidden">{t('imports:preview.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports:preview.row')}</th>
                  <th scope="col">{t('imports:preview.action')}</th>
                  <th scope="col">{t('imports:preview.label')}</th>
                  {hasCandidates && <th scope="col">{t('imports:preview.candidates')}</th>}
                </tr>
              </thead>
              <tbody>
                {report.preview.map((p) => (
                  <tr key={p.row}>
                    <td>{p.row}</td>
                    <td>{t(`imports:actions.${p.action}`)}</td>
                    <td>{p.label}</td>
                    {hasCandidates && (
                      <td>
                        {p.candidates?.length ? (
                          <ul className="plain-list" data-testid="import-candidates">
                            {p.candidates.map((c) => (
                              <li key={c.id}>
                                <Link to={`/directory/organisations/${c.id}`} target="_blank" rel="noopener">
                                  {organisationName(c, locale)}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t('common:none')
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ResponsiveTable>
        </>
      )}
    </section>
  );
}
