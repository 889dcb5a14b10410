import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ImportKind, ImportReport } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { useImportMappings } from '../api/get-import-mappings';
import { useSaveImportMapping } from '../api/save-import-mapping';
import { fieldLabel } from './field-label';
import type { ImportField } from './field-label';
import { ResponsiveTable } from '@/components/responsive-table';
import { DraftForm } from '@/lib/drafts';
import { useEditConflict } from '@/hooks/use-edit-conflict';

interface MappingEditorProps {
  kind: ImportKind;
  report: ImportReport;
  fields: readonly ImportField[];
  onSaved: (name: string) => void;
}

/** Each column of the partner's file → one of our fields (or ignored), saved under a name. */
export function MappingEditor({ kind, report, fields, onSaved }: MappingEditorProps) {
  const { t } = useTranslation('imports');
  const locale = useLocale();
  const save = useEditConflict(useSaveImportMapping());
  const mappings = useImportMappings(kind);
  const [name, setName] = useState('');
  const [columns, setColumns] = useState<Record<string, string>>(() =>
    Object.fromEntries(report.columns.map((c) => [c.header, c.field ?? ''])),
  );
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldError(f) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // A name already saved replaces that mapping, at the version the list showed.
    const base = mappings.data?.find((m) => m.name === trimmed);
    save.mutate({ kind, name: trimmed, body: { columns }, base }, { onSuccess: () => onSaved(trimmed) });
  };

  return (
    <DraftForm
      draft={{ id: `import-mapping-${kind}` }}
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('mapping.title')}
    >
      <ErrorAlert error={save.error} />
      <EditConflict
        edit={save}
        label={() => t('mapping.columns')}
        display={(_field, value) =>
          Object.entries((value ?? {}) as Record<string, string>)
            .filter(([, field]) => field)
            .map(([header, field]) => `${header} → ${fieldLabel(fields, field, locale)}`)
            .join(' ; ')
        }
      />
      <ResponsiveTable>
        <table className="table">
          <caption className="visually-hidden">{t('mapping.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.header')}</th>
              <th scope="col">{t('columns.field')}</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((column, i) => (
              <tr key={`${i}-${column.header}`}>
                <th scope="row">
                  <label htmlFor={`map-${i}`}>{column.header}</label>
                </th>
                <td>
                  <select
                    id={`map-${i}`}
                    value={columns[column.header] ?? ''}
                    onChange={(e) => setColumns({ ...columns, [column.header]: e.target.value })}
                  >
                    <option value="">{t('mapping.ignore')}</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {fieldLabel(fields, f.key, locale)}
                        {f.required ? ` ${t('mapping.required')}` : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ResponsiveTable>
      <Field label={t('mapping.name')} hint={t('mapping.nameHint')} error={fieldError('name')}>
        <input name="mappingName" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={!name.trim() || save.isPending}>
          {t('mapping.save')}
        </button>
      </div>
    </DraftForm>
  );
}
