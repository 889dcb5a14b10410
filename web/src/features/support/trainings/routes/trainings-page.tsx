import { useEffect, useRef, useState } from 'react';
import {
  can,
  formatAmount,
  organisationName,
  type TrainingEditionSummary,
  type TrainingModule,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { formatNumber } from '@/lib/format';
import { useTrainingEditions, useTrainingModules } from '../api/trainings';
import { EditionForm } from '../components/edition-form';
import { DaysSpan } from '../components/days-span';
import { ModuleForm } from '../components/module-form';
import { moduleTitle } from '../components/module-title';

/** The trainings Support gives: its modules, and their editions newest first; a new one of each. */
export function TrainingsPage() {
  const { t } = useTranslation('trainings');
  useDocumentTitle(t('title'));
  const user = useCurrentUser();
  const locale = useLocale();
  const navigate = useNavigate();
  const modules = useTrainingModules();
  const editions = useTrainingEditions();
  // Each button opens or closes its own form: both may be open, neither drops the other's draft.
  const [adding, setAdding] = useState<{ module: boolean; edition: boolean }>({
    module: false,
    edition: false,
  });
  // The module whose titles are being corrected, as it was loaded.
  const [editing, setEditing] = useState<TrainingModule | null>(null);
  // On a phone the form opens above the card tapped: its heading takes the focus (and the screen);
  // once it closes, the focus goes back to the module's button.
  const editHeading = useRef<HTMLHeadingElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const lastEdited = useRef<string | null>(null);
  useEffect(() => {
    if (editing) {
      lastEdited.current = editing.id;
      editHeading.current?.focus();
    } else if (lastEdited.current) {
      editButtons.current.get(lastEdited.current)?.focus();
      lastEdited.current = null;
    }
  }, [editing]);
  const [feedback, setFeedback] = useState<string | null>(null);
  const canCreate = can(user, 'support', 'create');
  const canUpdate = can(user, 'support', 'update');
  const toggle = (form: 'module' | 'edition') => {
    setAdding((open) => ({ ...open, [form]: !open[form] }));
    setFeedback(null);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        {canCreate && (
          <div className="table__actions">
            <button type="button" aria-expanded={adding.module} onClick={() => toggle('module')}>
              {t('moduleForm.open')}
            </button>
            <button
              type="button"
              className="button--primary"
              aria-expanded={adding.edition}
              disabled={!modules.data?.length}
              onClick={() => toggle('edition')}
            >
              {t('editionForm.open')}
            </button>
          </div>
        )}
      </div>
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      {adding.module && (
        <section className="panel" aria-labelledby="module-form-title">
          <h2 id="module-form-title">{t('moduleForm.title')}</h2>
          <ModuleForm
            onCancel={() => setAdding((open) => ({ ...open, module: false }))}
            onSaved={(m) => {
              setAdding((open) => ({ ...open, module: false }));
              setFeedback(t('moduleForm.saved', { title: moduleTitle(m, locale) }));
            }}
          />
        </section>
      )}
      {adding.edition && modules.data && (
        <section className="panel" aria-labelledby="edition-form-title">
          <h2 id="edition-form-title">{t('editionForm.title')}</h2>
          <EditionForm
            modules={modules.data}
            onCancel={() => setAdding((open) => ({ ...open, edition: false }))}
            onSaved={(e) => void navigate(`/support/trainings/editions/${e.id}`)}
          />
        </section>
      )}
      {modules.isPending || editions.isPending ? (
        <FullPageLoading />
      ) : modules.isError || editions.isError ? (
        <ErrorAlert error={modules.error ?? editions.error} />
      ) : (
        <>
          <section className="panel" aria-labelledby="editions-title">
            <h2 id="editions-title">{t('editions.title')}</h2>
            <p data-testid="editions-total">
              {t('editions.total', {
                count: editions.data.length,
                n: formatNumber(editions.data.length, locale),
              })}
            </p>
            {editions.data.length > 0 && <EditionsTable editions={editions.data} />}
          </section>
          <section className="panel" aria-labelledby="modules-title">
            <h2 id="modules-title">{t('modules.title')}</h2>
            {editing && (
              <section className="panel" aria-labelledby="module-edit-title">
                <h3 id="module-edit-title" tabIndex={-1} ref={editHeading}>
                  {t('moduleForm.editTitle', { title: moduleTitle(editing, locale) })}
                </h3>
                <ModuleForm
                  key={editing.id}
                  module={editing}
                  onCancel={() => setEditing(null)}
                  onSaved={(m) => {
                    setEditing(null);
                    setFeedback(t('moduleForm.edited', { title: moduleTitle(m, locale) }));
                  }}
                />
              </section>
            )}
            {modules.data.length === 0 ? (
              <p className="muted">{t('modules.none')}</p>
            ) : (
              <ResponsiveTable>
                <table className="table" data-testid="modules-table">
                  <caption className="visually-hidden">{t('modules.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('modules.module')}</th>
                      <th scope="col">{t('modules.themes')}</th>
                      <th scope="col">{t('modules.editions')}</th>
                      {canUpdate && <th scope="col">{t('modules.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {modules.data.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          {moduleTitle(m, locale)}
                          <span className="table__sub" lang={locale === 'nl' ? 'fr' : 'nl'}>
                            {locale === 'nl' ? m.titleFr : m.titleNl}
                          </span>
                        </th>
                        <td>{m.themes.join(', ') || '—'}</td>
                        <td className="numeric">{formatNumber(m.editions, locale)}</td>
                        {canUpdate && (
                          <td>
                            <button
                              type="button"
                              className="button--small"
                              ref={(el) => {
                                if (el) editButtons.current.set(m.id, el);
                                else editButtons.current.delete(m.id);
                              }}
                              aria-expanded={editing?.id === m.id}
                              aria-label={t('modules.editFor', { title: moduleTitle(m, locale) })}
                              onClick={() => {
                                setEditing(editing?.id === m.id ? null : m);
                                setFeedback(null);
                              }}
                            >
                              {t('modules.edit')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ResponsiveTable>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** Editions newest first: the module, the days, organiser and place, participants and places, fee. */
function EditionsTable({ editions }: { editions: readonly TrainingEditionSummary[] }) {
  const { t } = useTranslation('trainings');
  const locale = useLocale();
  return (
    <ResponsiveTable>
      <table className="table" data-testid="editions-table">
        <caption className="visually-hidden">{t('editions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editions.module')}</th>
            <th scope="col">{t('editions.days')}</th>
            <th scope="col">{t('editions.where')}</th>
            <th scope="col">{t('editions.participants')}</th>
            <th scope="col">{t('editions.fee')}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/support/trainings/editions/${e.id}`}>{moduleTitle(e.module, locale)}</Link>
                <span className="table__sub">
                  {e.organiser === 'partner' && e.partner
                    ? organisationName(e.partner, locale)
                    : t('organisers.smes')}
                </span>
              </th>
              <td>
                <DaysSpan days={e.days} />
              </td>
              <td>{e.format === 'video' ? t('formats.video') : (e.place ?? t('formats.in_person'))}</td>
              <td className="nowrap">
                {e.capacity === null
                  ? formatNumber(e.participants, locale)
                  : t('editions.ofCapacity', {
                      n: formatNumber(e.participants, locale),
                      capacity: formatNumber(e.capacity, locale),
                    })}
              </td>
              <td className="nowrap">
                {e.fee === null ? t('participants.free') : formatAmount(e.fee, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
