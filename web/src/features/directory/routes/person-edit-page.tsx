import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { isNotFound } from '@/lib/api-client';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { usePerson } from '../api/get-person';
import { PersonForm } from '../components/person-form';
import { personName } from '../components/person-name';

export function PersonEditPage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const person = usePerson(id);
  const name = person.data ? personName(person.data) : '';
  useDocumentTitle(t('person.edit.title', { name }));
  const detail = `/directory/people/${id}`;

  if (isNotFound(person.error)) return <NotFoundPage />;

  return (
    <>
      <p className="breadcrumb">
        <Link to={detail}>{name || t('person.detail.back')}</Link>
      </p>
      {person.isPending ? (
        <FullPageLoading />
      ) : person.isError ? (
        <ErrorAlert error={person.error} />
      ) : (
        <>
          <h1>{t('person.edit.title', { name })}</h1>
          <section className="panel">
            <PersonForm
              key={person.data.updatedAt}
              person={person.data}
              onCancel={() => navigate(detail)}
              onSaved={(saved) =>
                navigate(detail, { state: { feedback: t('person.edit.done', { name: personName(saved) }) } })
              }
            />
          </section>
        </>
      )}
    </>
  );
}
