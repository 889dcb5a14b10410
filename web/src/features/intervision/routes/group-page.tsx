import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { useDownloadCalendar } from '../api/download-calendar';
import { useCycle } from '../api/get-cycle';
import { useGroup } from '../api/get-group';
import { GroupFacts } from '../components/group-facts';
import { GroupForm } from '../components/group-form';
import { GroupWarnings } from '../components/group-warnings';
import { HostsPending } from '../components/hosts-pending';
import { RegistrationsSection } from '../components/registrations-section';
import { SessionsSection } from '../components/sessions-section';

export function GroupPage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const detail = useGroup(id);
  const cycleId = detail.data?.group.cycleId ?? '';
  const cycle = useCycle(cycleId);
  const calendar = useDownloadCalendar();
  // What the last change did, for this group only; a correction keeps the pair's warnings said.
  const [feedback, setFeedback] = useState<{ id: string; text: string; warnings?: string[] } | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === id;
  useDocumentTitle(detail.data?.group.name ?? t('cycles.title'));

  if (detail.isPending) return <FullPageLoading />;
  if (detail.isError) {
    if (isNotFound(detail.error)) return <NotFoundPage />;
    return <ErrorAlert error={detail.error} />;
  }
  const { group } = detail.data;
  const onChanged = (text: string) => setFeedback({ id, text });

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/intervision/cycles/${group.cycleId}`}>
          {cycle.data ? t('group.backTo', { name: cycle.data.name }) : t('group.back')}
        </Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{group.name}</h1>
          <GroupFacts group={group} />
        </div>
        <div className="page-header__actions">
          {can(user, 'intervision', 'update') && (
            <button type="button" aria-expanded={editing} onClick={() => setEditingId(editing ? null : id)}>
              {t('groups.edit.open')}
            </button>
          )}
          <button
            type="button"
            disabled={calendar.isPending}
            onClick={() => calendar.mutate({ source: { kind: 'group', id: group.id }, name: group.name })}
          >
            {t('calendar.group')}
          </button>
        </div>
      </div>
      <ErrorAlert error={calendar.error} />
      {editing && (
        <section className="panel" aria-labelledby="edit-group-title">
          <h2 id="edit-group-title">{t('groups.edit.title', { name: group.name })}</h2>
          <GroupForm
            key={id}
            cycleId={group.cycleId}
            group={group}
            onCancel={() => setEditingId(null)}
            onSaved={(saved) => {
              setEditingId(null);
              setFeedback({
                id,
                text: t('groups.edit.done', { name: saved.name }),
                warnings: saved.warnings,
              });
            }}
          />
        </section>
      )}
      <div aria-live="polite" role="status" className="feedback">
        {feedback?.id === id && (
          <>
            <p className="alert alert--success">{feedback.text}</p>
            {/* The saved group's pair warnings, said with the change that caused them. */}
            {feedback.warnings && <GroupWarnings warnings={feedback.warnings} />}
          </>
        )}
      </div>
      {!(feedback?.id === id && feedback.warnings) && <GroupWarnings warnings={group.warnings} />}
      <SessionsSection
        detail={detail.data}
        span={{ from: cycle.data?.startsOn ?? '', to: cycle.data?.endsOn ?? '' }}
        canCreate={can(user, 'intervision', 'create')}
        canUpdate={can(user, 'intervision', 'update')}
        onChanged={onChanged}
      />
      <HostsPending
        organisations={detail.data.hostsPending}
        anyParticipant={detail.data.registrations.some((r) => r.status === 'registered')}
      />
      <RegistrationsSection
        detail={detail.data}
        canCreate={can(user, 'intervision', 'create')}
        canUpdate={can(user, 'intervision', 'update')}
        onChanged={onChanged}
      />
    </>
  );
}
