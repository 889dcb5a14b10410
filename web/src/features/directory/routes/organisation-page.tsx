import { useState } from 'react';
import { can, organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useHandedFeedback } from '@/hooks/use-handed-feedback';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { otherOrganisationName } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useOrganisation } from '../api/get-organisation';
import { OrganisationFacts } from '../components/organisation-facts';
import { OrganisationMergePanel } from '../components/organisation-merge-panel';
import { OrganisationPeople } from '../components/organisation-people';

export function OrganisationPage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const handed = useHandedFeedback();
  const user = useCurrentUser();
  const locale = useLocale();
  const organisation = useOrganisation(id);
  // A message handed over by the page we came from (created, saved).
  const [feedback, setFeedback] = useState(() => ({
    id,
    text: handed,
  }));
  const name = organisation.data ? organisationName(organisation.data, locale) : '';
  useDocumentTitle(name || t('organisations.title'));

  if (organisation.isPending) return <FullPageLoading />;
  if (organisation.isError) {
    // Bad or merged-away ids both come back 404.
    if (isNotFound(organisation.error)) return <NotFoundPage />;
    return <ErrorAlert error={organisation.error} />;
  }
  const org = organisation.data;
  const other = otherOrganisationName(org, locale);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/directory/organisations">{t('organisation.detail.back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{name}</h1>
          {other && <p className="muted">{other}</p>}
          {org.closedOn && (
            <p>
              <span className="badge badge--muted">
                {t('organisation.detail.closedSince', { date: formatDay(org.closedOn, locale) })}
              </span>
            </p>
          )}
        </div>
        {can(user, 'organisations', 'update') && (
          <Link className="button" to={`/directory/organisations/${org.id}/edit`}>
            {t('organisation.edit.open')}
          </Link>
        )}
      </div>

      <div aria-live="polite" role="status" className="feedback">
        {feedback.id === id && feedback.text && <p className="alert alert--success">{feedback.text}</p>}
      </div>

      <OrganisationFacts organisation={org} />
      {can(user, 'people', 'read') && <OrganisationPeople organisationId={org.id} />}
      {can(user, 'organisations', 'delete') && (
        <OrganisationMergePanel
          organisation={org}
          onMerged={(moved) => setFeedback({ id, text: t('merge.done', { count: moved }) })}
        />
      )}
    </>
  );
}
