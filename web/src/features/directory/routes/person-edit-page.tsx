import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { isNotFound } from '@/lib/api-client';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { DraftsDropped, useDropDraftsOfGoneRecord } from '@/lib/drafts';
import { usePerson } from '../api/get-person';
import { PersonForm } from '../components/person-form';
import { personName } from '../components/person-name';

export function PersonEditPage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const person = usePerson(id);
  const erased = !!person.data?.erasedOn;
  const name = erased ? t('rights.erased.title') : person.data ? personName(person.data) : '';
  useDocumentTitle(t('person.edit.title', { name }));
  const detail = `/directory/people/${id}`;
  // Erased (art. 17) or gone: a draft of this form kept on the device is dropped, never restored
  // into a form whose save the API refuses (409 `erased`; decision 31).
  const dropped = useDropDraftsOfGoneRecord(id, erased || isNotFound(person.error));

  if (isNotFound(person.error)) {
    return (
      <>
        {dropped && <DraftsDropped />}
        <NotFoundPage />
      </>
    );
  }
  if (erased) {
    return (
      <>
        <p className="breadcrumb">
          <Link to={detail}>{name}</Link>
        </p>
        <h1>{name}</h1>
        <p className="alert alert--info">{t('rights.erased.nothingToEdit')}</p>
        {dropped && <DraftsDropped />}
      </>
    );
  }

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
