import { useState } from 'react';
import type { FormEvent } from 'react';
import { IMPORT_KINDS, LOCALES, mayImport } from '@smes/shared';
import type { ImportKind, ImportReport } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { useDownloadTemplate } from '../api/download-template';
import { useImportFields } from '../api/get-import-fields';
import { useImportMappings } from '../api/get-import-mappings';
import { useRunImport } from '../api/run-import';
import { FileError } from '../components/file-error';
import { ImportReportView } from '../components/import-report';
import { ImportRunsTable } from '../components/import-runs-table';
import { MappingEditor } from '../components/mapping-editor';

/**
 * Preview first (a dry run writes nothing), import only a clean preview of the same file:
 * the whole file goes in, or nothing does.
 */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('title'));
  // A kind is offered to those who may write what it imports (a Support coordinator: no members).
  const user = useCurrentUser();
  const kinds = IMPORT_KINDS.filter((k) => mayImport(user, k));
  const [kind, setKind] = useState<ImportKind>('organisations');
  const [mapping, setMapping] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [editing, setEditing] = useState(false);
  const fields = useImportFields(kind);
  const mappings = useImportMappings(kind);
  const template = useDownloadTemplate();
  const run = useRunImport();

  const reset = () => {
    setReport(null);
    setEditing(false);
    run.reset();
  };
  const preview = (withMapping = mapping) => {
    if (!file) return;
    setEditing(false);
    run.mutate(
      { kind, file, dryRun: true, mapping: withMapping || undefined },
      { onSuccess: setReport, onError: () => setReport(null) },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    preview();
  };
  const apply = () => {
    if (!file) return;
    run.mutate(
      { kind, file, dryRun: false, mapping: mapping || undefined },
      { onSuccess: setReport, onError: () => setReport(null) },
    );
  };
  const canImport = report?.status === 'preview' && report.errors.length === 0 && !run.isPending;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>

      <section className="panel" aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t('form.title')}</h2>
        <form className="form form--grid" onSubmit={onSubmit} noValidate aria-label={t('form.title')}>
          <div className="field">
            <label htmlFor="import-kind">{t('form.kind')}</label>
            <select
              id="import-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                setMapping('');
                reset();
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span className="field__label">{t('form.template')}</span>
            <div className="button-row">
              {LOCALES.map((lang) => (
                <button
                  key={lang}
                  type="button"
                  className="button--small"
                  disabled={template.isPending}
                  onClick={() => template.mutate({ kind, lang })}
                >
                  {t(`form.templateIn.${lang}`)}
                </button>
              ))}
            </div>
            <ErrorAlert error={template.error} />
          </div>
          <div className="field">
            <label htmlFor="import-mapping">{t('form.mapping')}</label>
            <select
              id="import-mapping"
              value={mapping}
              onChange={(e) => {
                setMapping(e.target.value);
                reset();
              }}
            >
              <option value="">{t('form.noMapping')}</option>
              {(mappings.data ?? []).map((m) => (
                <option key={m.id} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('form.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            <p className="field__hint">{t('form.fileHint')}</p>
          </div>
          <div className="form__actions">
            <button type="submit" disabled={!file || run.isPending}>
              {t('form.preview')}
            </button>
            <button type="button" className="button--primary" disabled={!canImport} onClick={apply}>
              {t('form.import')}
            </button>
            {run.isPending && <span role="status">{t('form.working')}</span>}
          </div>
        </form>
        {run.isError && <FileError error={run.error} />}
      </section>

      <div aria-live="polite" role="status" className="feedback">
        {report?.status === 'applied' && (
          <p className="alert alert--success">
            {t('applied', { created: report.counts.created, updated: report.counts.updated })}
          </p>
        )}
        {report?.status === 'rejected' && <p className="alert alert--error">{t('rejected')}</p>}
        {report?.status === 'preview' && <p className="alert alert--info">{t('previewReady')}</p>}
      </div>

      {report && <ImportReportView report={report} fields={fields.data} />}

      {report && report.status !== 'applied' && fields.data && (
        <section className="panel" aria-labelledby="mapping-title">
          <div className="panel__header">
            <h2 id="mapping-title">{t('mapping.title')}</h2>
            <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('mapping.open')}
            </button>
          </div>
          <p className="muted">{t('mapping.intro')}</p>
          {editing && (
            <MappingEditor
              kind={kind}
              report={report}
              fields={fields.data}
              onSaved={(name) => {
                setMapping(name);
                preview(name);
              }}
            />
          )}
        </section>
      )}

      <ImportRunsTable />
    </>
  );
}
