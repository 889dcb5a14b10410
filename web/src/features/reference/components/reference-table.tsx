import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ReferenceItem, ReferenceKind } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@/components/error-alert';
import { EditConflict } from '@/components/edit-conflict';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { changedFields } from '@/lib/versioned';
import { pickLabel } from '@/lib/bilingual';
import { useUpdateReferenceItem } from '../api/update-reference-item';
import { parsePostalCodes } from './postal-codes';
import { ResponsiveTable } from '@/components/responsive-table';

interface ReferenceTableProps {
  kind: ReferenceKind;
  items: readonly ReferenceItem[];
  busy: boolean;
  onToggleRetired: (item: ReferenceItem) => void;
  onRenamed: (item: ReferenceItem) => void;
}

export function ReferenceTable({ kind, items, busy, onToggleRetired, onRenamed }: ReferenceTableProps) {
  const { t } = useTranslation(['reference', 'common']);
  const locale = useLocale();
  const [renaming, setRenaming] = useState<string | null>(null);
  const communes = kind === 'commune';
  const columns = communes ? 6 : 5;

  return (
    <ResponsiveTable>
      <table className="table" data-testid="reference-table">
        <caption className="visually-hidden">
          {t('reference:table.caption', { kind: t(`reference:kinds.${kind}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('reference:table.code')}</th>
            <th scope="col">{t('reference:table.labelFr')}</th>
            <th scope="col">{t('reference:table.labelNl')}</th>
            {communes && <th scope="col">{t('reference:table.postalCodes')}</th>}
            <th scope="col">{t('reference:table.status')}</th>
            <th scope="col">{t('reference:table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={columns} className="table__empty">
                {t('reference:table.empty')}
              </td>
            </tr>
          )}
          {items.map((item) => {
            const label = pickLabel(item, locale);
            if (renaming === item.id) {
              return (
                <RenameRow
                  key={item.id}
                  item={item}
                  columns={columns}
                  onCancel={() => setRenaming(null)}
                  onSaved={(saved) => {
                    setRenaming(null);
                    onRenamed(saved);
                  }}
                />
              );
            }
            return (
              <tr key={item.id} className={item.retired ? 'is-disabled' : undefined}>
                <td className="mono">{item.code}</td>
                <th scope="row" lang="fr">
                  {item.labelFr}
                </th>
                <td lang="nl">{item.labelNl}</td>
                {communes && <td>{item.postalCodes.join(', ') || t('common:none')}</td>}
                <td>
                  <span className={item.retired ? 'badge badge--muted' : 'badge badge--ok'}>
                    {t(item.retired ? 'reference:table.retired' : 'reference:table.active')}
                  </span>
                </td>
                <td>
                  <div className="table__actions">
                    <button
                      type="button"
                      className="button--small"
                      disabled={busy}
                      aria-label={t('reference:actions.renameFor', { label })}
                      onClick={() => setRenaming(item.id)}
                    >
                      {t('reference:actions.rename')}
                    </button>
                    <button
                      type="button"
                      className="button--small"
                      disabled={busy}
                      aria-label={t(
                        item.retired ? 'reference:actions.restoreFor' : 'reference:actions.retireFor',
                        {
                          label,
                        },
                      )}
                      onClick={() => onToggleRetired(item)}
                    >
                      {t(item.retired ? 'reference:actions.restore' : 'reference:actions.retire')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}

interface RenameRowProps {
  item: ReferenceItem;
  columns: number;
  onSaved: (item: ReferenceItem) => void;
  onCancel: () => void;
}

/** Inline: both labels (and a commune's postal codes) edited in place, saved together. */
function RenameRow({ item, columns, onSaved, onCancel }: RenameRowProps) {
  const { t } = useTranslation(['reference', 'errors']);
  const update = useEditConflict(useUpdateReferenceItem());
  const errorText = useErrorText();
  const [labelFr, setLabelFr] = useState(item.labelFr);
  const [labelNl, setLabelNl] = useState(item.labelNl);
  const [postalCodes, setPostalCodes] = useState(item.postalCodes.join(', '));
  const communes = item.kind === 'commune';
  const error = update.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);
  const errorLine = (name: string) => {
    const code = fieldError(name);
    return code && <p className="field__error">{t(`errors:fieldErrors.${code}`)}</p>;
  };
  const formId = `rename-${item.id}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only what changed: a stale form never puts back a label someone else changed meanwhile.
    const body = changedFields(item, {
      labelFr: labelFr.trim(),
      labelNl: labelNl.trim(),
      ...(communes ? { postalCodes: parsePostalCodes(postalCodes) } : {}),
    });
    if (Object.keys(body).length === 0) return onSaved(item);
    update.mutate({ kind: item.kind, base: item, body }, { onSuccess: onSaved });
  };

  return (
    <tr className="is-editing">
      <td className="mono">
        {item.code}
        {/* A form cannot wrap table cells: the inputs join it through their `form` attribute. */}
        <form id={formId} onSubmit={onSubmit} noValidate />
      </td>
      <td>
        <input
          form={formId}
          lang="fr"
          aria-label={t('reference:form.labelFr')}
          aria-invalid={fieldError('labelFr') ? true : undefined}
          maxLength={200}
          value={labelFr}
          onChange={(e) => setLabelFr(e.target.value)}
        />
        {errorLine('labelFr')}
      </td>
      <td>
        <input
          form={formId}
          lang="nl"
          aria-label={t('reference:form.labelNl')}
          aria-invalid={fieldError('labelNl') ? true : undefined}
          maxLength={200}
          value={labelNl}
          onChange={(e) => setLabelNl(e.target.value)}
        />
        {errorLine('labelNl')}
      </td>
      {communes && (
        <td>
          <input
            form={formId}
            aria-label={t('reference:form.postalCodes')}
            aria-invalid={fieldError('postalCodes') ? true : undefined}
            value={postalCodes}
            onChange={(e) => setPostalCodes(e.target.value)}
          />
          {errorLine('postalCodes')}
        </td>
      )}
      <td colSpan={columns - (communes ? 4 : 3)}>
        <div className="table__actions">
          <button
            type="submit"
            form={formId}
            className="button--small button--primary"
            disabled={update.isPending}
          >
            {t('reference:actions.save')}
          </button>
          <button type="button" className="button--small" onClick={onCancel}>
            {t('reference:actions.cancel')}
          </button>
        </div>
        {error && !fieldError('labelFr') && !fieldError('labelNl') && !fieldError('postalCodes') && (
          <p className="field__error" role="alert">
            {errorText(error)}
          </p>
        )}
        <EditConflict
          edit={update}
          label={(field) => t(`reference:table.${field}` as 'reference:table.code')}
        />
      </td>
    </tr>
  );
}
