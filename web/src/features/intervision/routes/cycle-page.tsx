import { useState } from 'react';
import { can } from '@smes/shared';
import type { Group } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useHandedFeedback } from '@/hooks/use-handed-feedback';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { useCycle } from '../api/get-cycle';
import { useGroups } from '../api/get-groups';
import { CycleFacts } from '../components/cycle-facts';
import { CycleForm } from '../components/cycle-form';
import { CycleLinks } from '../components/cycle-links';
import { GroupForm } from '../components/group-form';
import { GroupWarnings } from '../components/group-warnings';
import { GroupsTable } from '../components/groups-table';
import { useReopenDraft } from '@/lib/drafts';

interface Feedback {
  /** The cycle it was about: the page stays mounted when another cycle opens. */
  cycleId: string;
  text: string;
  /** The new group's warnings stay on screen after the form closes. */
  group?: Group;
}

export function CyclePage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const handed = useHandedFeedback();
  const user = useCurrentUser();
  const cycle = useCycle(id);
  const groups = useGroups(id);
  const [adding, setAdding] = useState(false);
  useReopenDraft({ id: 'group', recordId: id }, () => setAdding(true));
  // The cycle being corrected: another cycle opened in this same page starts without the form.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === id;
  const setEditing = (open: boolean) => setEditingId(open ? id : null);
  const [feedback, setFeedback] = useState<Feedback | null>(() =>
    handed ? { cycleId: id, text: handed } : null,
  );
  useDocumentTitle(cycle.data ? t('cycle.title', { name: cycle.data.name }) : t('cycles.title'));

  if (cycle.isPending) return <FullPageLoading />;
  if (cycle.isError) {
    if (isNotFound(cycle.error)) return <NotFoundPage />;
    return <ErrorAlert error={cycle.error} />;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/intervision">{t('cycle.back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t('cycle.title', { name: cycle.data.name })}</h1>
          <CycleFacts cycle={cycle.data} />
        </div>
        <div className="page-header__actions">
          {can(user, 'intervision', 'update') && (
            <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('cycles.edit.open')}
            </button>
          )}
          {can(user, 'intervision', 'create') && (
            <button
              type="button"
              className="button--primary"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              {t('groups.add.open')}
            </button>
          )}
        </div>
      </div>
      <CycleLinks cycleId={id} />
      <div aria-live="polite" role="status" className="feedback">
        {feedback?.cycleId === id && (
          <>
            <p className="alert alert--success">{feedback.text}</p>
            {feedback.group && <GroupWarnings warnings={feedback.group.warnings} />}
          </>
        )}
      </div>
      {editing && (
        <section className="panel" aria-labelledby="edit-cycle-title">
          <h2 id="edit-cycle-title">{t('cycles.edit.title', { name: cycle.data.name })}</h2>
          <CycleForm
            key={id}
            cycle={cycle.data}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              setFeedback({ cycleId: id, text: t('cycles.edit.done', { name: saved.name }) });
            }}
          />
        </section>
      )}
      {adding && (
        <section className="panel" aria-labelledby="new-group-title">
          <h2 id="new-group-title">{t('groups.add.title')}</h2>
          <GroupForm
            cycleId={id}
            onCancel={() => setAdding(false)}
            onSaved={(group) => {
              setAdding(false);
              setFeedback({ cycleId: id, text: t('groups.add.done', { name: group.name }), group });
            }}
          />
        </section>
      )}
      <section className="panel" aria-labelledby="groups-title">
        <h2 id="groups-title">{t('groups.title')}</h2>
        {groups.isPending ? (
          <FullPageLoading />
        ) : groups.isError ? (
          <ErrorAlert error={groups.error} />
        ) : (
          <GroupsTable groups={groups.data.items} />
        )}
      </section>
    </>
  );
}
