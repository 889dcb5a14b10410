import { useState } from 'react';
import { REFERENCE_KINDS } from '@smes/shared';
import type { ReferenceItem, ReferenceKind } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert, useErrorText } from '@/components/error-alert';
import { EditConflict } from '@/components/edit-conflict';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { isEditConflict } from '@/lib/versioned';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { useReferenceItems } from '../api/get-reference-items';
import { useUpdateReferenceItem } from '../api/update-reference-item';
import { CreateReferenceItemForm } from '../components/create-reference-item-form';
import { ReferenceTable } from '../components/reference-table';
import { useReopenDraft } from '@/lib/drafts';

type Feedback = { kind: 'success' | 'error'; text: string } | null;

/** One tab per list; the open tab is in the URL (`?kind=commune`). */
export function ReferencePage() {
  const { t } = useTranslation('reference');
  useDocumentTitle(t('title'));
  const locale = useLocale();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const kind: ReferenceKind = REFERENCE_KINDS.find((k) => k === params.get('kind')) ?? 'sector';
  const items = useReferenceItems(kind, { includeRetired: true });
  const update = useEditConflict(useUpdateReferenceItem());
  const [adding, setAdding] = useState(false);
  useReopenDraft({ id: `reference-${kind}` }, () => setAdding(true));
  const [feedback, setFeedback] = useState<Feedback>(null);

  const selectKind = (next: ReferenceKind) => {
    setAdding(false);
    setFeedback(null);
    setParams(next === 'sector' ? {} : { kind: next });
  };

  const toggleRetired = (item: ReferenceItem) =>
    update.mutate(
      { kind: item.kind, base: item, body: { retired: !item.retired } },
      {
        onSuccess: (saved) =>
          setFeedback({
            kind: 'success',
            text: t(saved.retired ? 'done.retired' : 'done.restored', { label: pickLabel(saved, locale) }),
          }),
        // Someone else retired or restored it meanwhile: the panel says so.
        onError: (error) =>
          setFeedback(isEditConflict(error) ? null : { kind: 'error', text: errorText(error) }),
      },
    );

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>

      <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {REFERENCE_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={k === kind}
            aria-controls="reference-panel"
            tabIndex={k === kind ? 0 : -1}
            onClick={() => selectKind(k)}
            onKeyDown={(e) => {
              // Arrow keys move between tabs, as a tab list is expected to behave.
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const i = (REFERENCE_KINDS.indexOf(k) + step + REFERENCE_KINDS.length) % REFERENCE_KINDS.length;
              const next = REFERENCE_KINDS[i] ?? 'sector';
              selectKind(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(`kinds.${k}`)}
          </button>
        ))}
      </div>

      <section id="reference-panel" role="tabpanel" aria-labelledby={`tab-${kind}`} className="tabpanel">
        <div aria-live="polite" role="status" className="feedback">
          {feedback && <p className={`alert alert--${feedback.kind}`}>{feedback.text}</p>}
        </div>

        {adding ? (
          <section className="panel" aria-labelledby="add-reference-title">
            <h2 id="add-reference-title">{t('form.title', { kind: t(`kinds.${kind}`) })}</h2>
            <CreateReferenceItemForm
              key={kind}
              kind={kind}
              sortOrder={Math.max(0, ...(items.data ?? []).map((i) => i.sortOrder)) + 10}
              onCancel={() => setAdding(false)}
              onCreated={(item) => {
                setAdding(false);
                setFeedback({ kind: 'success', text: t('done.created', { label: pickLabel(item, locale) }) });
              }}
            />
          </section>
        ) : (
          <p>
            <button type="button" className="button--primary" onClick={() => setAdding(true)}>
              {t('form.open')}
            </button>
          </p>
        )}

        <EditConflict
          edit={update}
          label={() => t('table.status')}
          display={(_field, value) => t(value ? 'table.retired' : 'table.active')}
        />
        {items.isPending ? (
          <FullPageLoading />
        ) : items.isError ? (
          <ErrorAlert error={items.error} />
        ) : (
          <ReferenceTable
            kind={kind}
            items={items.data}
            busy={update.isPending}
            onToggleRetired={toggleRetired}
            onRenamed={(item) =>
              setFeedback({ kind: 'success', text: t('done.renamed', { label: pickLabel(item, locale) }) })
            }
          />
        )}
      </section>
    </>
  );
}
