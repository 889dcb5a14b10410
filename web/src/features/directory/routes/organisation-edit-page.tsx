import { organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { isNotFound } from '@/lib/api-client';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useOrganisation } from '../api/get-organisation';
import { OrganisationForm } from '../components/organisation-form';

export function OrganisationEditPage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const locale = useLocale();
  const organisation = useOrganisation(id);
  const name = organisation.data ? organisationName(organisation.data, locale) : '';
  useDocumentTitle(t('organisation.edit.title', { name }));
  const detail = `/directory/organisations/${id}`;

  if (isNotFound(organisation.error)) return <NotFoundPage />;

  return (
    <>
      <p className="breadcrumb">
        <Link to={detail}>{name || t('organisation.detail.back')}</Link>
      </p>
      {organisation.isPending ? (
        <FullPageLoading />
      ) : organisation.isError ? (
        <ErrorAlert error={organisation.error} />
      ) : (
        <>
          <h1>{t('organisation.edit.title', { name })}</h1>
          <section className="panel">
            <OrganisationForm
              // Fresh form values whenever the record itself changed (e.g. after a merge).
              key={organisation.data.updatedAt}
              organisation={organisation.data}
              onCancel={() => navigate(detail)}
              onSaved={(saved) =>
                navigate(detail, {
                  state: { feedback: t('organisation.edit.done', { name: organisationName(saved, locale) }) },
                })
              }
            />
          </section>
        </>
      )}
    </>
  );
}
