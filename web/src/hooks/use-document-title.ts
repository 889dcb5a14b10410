import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Utilisateurs · Smes": screen readers announce it, and tabs and history stay readable. */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  const appName = t('appName');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
