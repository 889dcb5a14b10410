import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Shown when the route guard refuses: the URL exists, this user's role may not open it. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="status-page" data-testid="forbidden-page">
      <p className="status-page__code" aria-hidden="true">
        403
      </p>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <Link to="/">{t('forbidden.back')}</Link>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="status-page" data-testid="not-found-page">
      <p className="status-page__code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}

/** The router's error element: a render crashed; offer a reload rather than a blank page. */
export function CrashPage() {
  const { t } = useTranslation();
  return (
    <main className="status-page" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </button>
    </main>
  );
}

export function FullPageLoading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="full-page-loading" role="status" aria-live="polite">
      {label ?? t('loading')}
    </div>
  );
}
