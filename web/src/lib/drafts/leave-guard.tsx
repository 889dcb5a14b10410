import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { sessionStore } from '@/lib/session';
import { unsavedForms } from './unsaved';

/**
 * The app's one navigation guard (a router takes one blocker): while a form holds unsaved typing,
 * following a link asks first, and so does closing or reloading the tab (the browser's own
 * question). A session that ends is never held up: its drafts are kept for the next sign-in.
 */
export function LeaveGuard() {
  const { t } = useTranslation('drafts');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsavedForms.any() &&
      sessionStore.getState().status === 'authenticated' &&
      currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsavedForms.any()) return;
      event.preventDefault();
      // Older browsers need the legacy property set to show their question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('leave.title')}
      confirmLabel={t('leave.confirm')}
      cancelLabel={t('leave.cancel')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('leave.body')}</p>
    </ConfirmDialog>
  );
}
