import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequestForm } from '../components/request-form';

/** Taking a request: saved, it opens on its own page (its follow-up). */
export function NewRequestPage() {
  const { t } = useTranslation('support');
  useDocumentTitle(t('new.title'));
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/support/requests">{t('new.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <section className="panel">
        <RequestForm
          onCancel={() => navigate('/support/requests')}
          onSaved={(request) =>
            navigate(`/support/requests/${request.id}`, {
              state: { feedback: t('new.done', { code: request.code }) },
            })
          }
        />
      </section>
    </>
  );
}
