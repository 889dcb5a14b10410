import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { isApiError } from '@/lib/api-client';
import { useDownloadCalendar } from '../api/download-calendar';
import { useCycle } from '../api/get-cycle';
import { useGroup } from '../api/get-group';
import { GroupFacts } from '../components/group-facts';
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
  const [feedback, setFeedback] = useState<{ id: string; text: string } | null>(null);
  useDocumentTitle(detail.data?.group.name ?? t('cycles.title'));

  if (detail.isPending) return <FullPageLoading />;
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
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
        <button
          type="button"
          disabled={calendar.isPending}
          onClick={() => calendar.mutate({ source: { kind: 'group', id: group.id }, name: group.name })}
        >
          {t('calendar.group')}
        </button>
      </div>
      <ErrorAlert error={calendar.error} />
      <GroupWarnings warnings={group.warnings} />
      <div aria-live="polite" role="status" className="feedback">
        {feedback?.id === id && <p className="alert alert--success">{feedback.text}</p>}
      </div>
      <SessionsSection
        detail={detail.data}
        span={{ from: cycle.data?.startsOn ?? '', to: cycle.data?.endsOn ?? '' }}
        canCreate={can(user, 'intervision', 'create')}
        canUpdate={can(user, 'intervision', 'update')}
        onChanged={onChanged}
      />
      <HostsPending organisations={detail.data.hostsPending} />
      <RegistrationsSection
        detail={detail.data}
        canCreate={can(user, 'intervision', 'create')}
        canUpdate={can(user, 'intervision', 'update')}
        onChanged={onChanged}
      />
    </>
  );
}
