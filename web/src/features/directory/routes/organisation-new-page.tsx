import { organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { OrganisationForm } from '../components/organisation-form';

export function OrganisationNewPage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('organisation.create.title'));
  const navigate = useNavigate();
  const locale = useLocale();

  return (
    <>
      <p className="breadcrumb">
        <Link to="/directory/organisations">{t('organisation.detail.back')}</Link>
      </p>
      <h1>{t('organisation.create.title')}</h1>
      <section className="panel">
        <OrganisationForm
          onCancel={() => navigate('/directory/organisations')}
          onSaved={(organisation) =>
            navigate(`/directory/organisations/${organisation.id}`, {
              state: {
                feedback: t('organisation.create.done', { name: organisationName(organisation, locale) }),
              },
            })
          }
        />
      </section>
    </>
  );
}
