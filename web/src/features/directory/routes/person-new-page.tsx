import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useOrganisation } from '../api/get-organisation';
import { PersonForm } from '../components/person-form';
import { personName } from '../components/person-name';

/** `?organisationId=` (from an organisation's page) starts the person affiliated to it. */
export function PersonNewPage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('person.create.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const organisationId = params.get('organisationId') ?? '';
  const organisation = useOrganisation(organisationId, { enabled: organisationId !== '' });
  const waiting = organisationId !== '' && organisation.isPending;
  const back = organisationId ? `/directory/organisations/${organisationId}` : '/directory/people';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/directory/people">{t('person.detail.back')}</Link>
      </p>
      <h1>{t('person.create.title')}</h1>
      <section className="panel">
        {waiting ? (
          <FullPageLoading />
        ) : (
          <PersonForm
            organisation={
              organisation.data
                ? {
                    id: organisation.data.id,
                    nameFr: organisation.data.nameFr,
                    nameNl: organisation.data.nameNl,
                  }
                : null
            }
            onCancel={() => navigate(back)}
            onSaved={(person) =>
              navigate(`/directory/people/${person.id}`, {
                state: { feedback: t('person.create.done', { name: personName(person) }) },
              })
            }
          />
        )}
      </section>
    </>
  );
}
