import { useEffect, useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useSupportRequest } from '../api/request';
import { FollowUpCorrection, FollowUpReferrals } from '../components/follow-up-correction';
import { FollowUpFacts, FollowUpPerson, FollowUpRequester } from '../components/follow-up-facts';
import { EarlierRequests, SamePersonRequests } from '../components/follow-up-related';
import { FollowUpSteps } from '../components/follow-up-steps';

/**
 * One Support request (decision 27): read for its follow-up (the page's purpose, logged with the
 * person concerned), its facts, the week's promise, the requester, the person by code, the
 * impasse; its steps, its correction, its referrals; the requester's and the person's other
 * requests. Outside the pole, administrators and coordinators read it by breaking the glass
 * (the API client asks the reason) and take no step.
 */
export function RequestPage() {
  const { id = '' } = useParams();
  // Another request's page (a link below) starts afresh: no form or message of this one.
  return <RequestView key={id} id={id} />;
}

function RequestView({ id }: { id: string }) {
  const { t } = useTranslation('support-follow-up');
  const user = useCurrentUser();
  const locale = useLocale();
  const detail = useSupportRequest(id);
  const location = useLocation();
  const navigate = useNavigate();
  // The new request's page says once that it was saved (new-request-page passes it as state).
  const [feedback, setFeedback] = useState<string | null>(() => savedFeedback(location.state));
  useEffect(() => {
    if (savedFeedback(location.state) !== null) {
      void navigate(location.pathname + location.search, { replace: true, state: null });
    }
  }, [location.state, location.pathname, location.search, navigate]);
  const [correcting, setCorrecting] = useState(false);
  useDocumentTitle(detail.data ? t('title', { code: detail.data.code }) : t('loadingTitle'));

  if (detail.isPending) return <FullPageLoading />;
  if (detail.isError) {
    if (isNotFound(detail.error)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('loadingTitle')}</h1>
        <ErrorAlert error={detail.error} />
      </>
    );
  }
  const request = detail.data;
  const canUpdate = can(user, 'support', 'update');

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title', { code: request.code })}</h1>
          <FollowUpFacts request={request} />
        </div>
        {canUpdate && (
          <div className="page-header__actions">
            <button type="button" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>
              {t('correct.open')}
            </button>
          </div>
        )}
      </div>
      {correcting && (
        <section className="panel" aria-labelledby="correct-title">
          <h2 id="correct-title">{t('correct.title', { code: request.code })}</h2>
          <FollowUpCorrection
            request={request}
            onCancel={() => setCorrecting(false)}
            onSaved={(saved) => {
              setCorrecting(false);
              setFeedback(
                saved.dueOn !== request.dueOn
                  ? t('correct.dueMoved', { due: formatDay(saved.dueOn, locale) })
                  : t('correct.done'),
              );
            }}
          />
        </section>
      )}
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <FollowUpRequester request={request} />
      <FollowUpPerson request={request} />
      <section className="panel" aria-labelledby="impasse-title">
        <h2 id="impasse-title">{t('impasse.title')}</h2>
        <p className="prewrap" data-testid="request-impasse">
          {request.impasse ?? '—'}
        </p>
      </section>
      <FollowUpSteps request={request} canUpdate={canUpdate} onDone={setFeedback} />
      <FollowUpReferrals request={request} canUpdate={canUpdate} onDone={setFeedback} />
      <EarlierRequests request={request} />
      <SamePersonRequests request={request} />
    </>
  );
}

function savedFeedback(state: unknown): string | null {
  if (state && typeof state === 'object' && 'feedback' in state && typeof state.feedback === 'string') {
    return state.feedback;
  }
  return null;
}
