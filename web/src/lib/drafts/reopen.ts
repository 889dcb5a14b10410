import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '@/hooks/use-session';
import type { DraftOptions } from './draft-form';
import { loadDraft } from './store';

/**
 * For a form a button opens (a "new …" form on a record's page): when this user has a draft of
 * it on this page, opens it, so signing in again leads back to what was typed (the form then
 * restores the draft itself). `draft` is the same as the form's `DraftForm` prop.
 */
export function useReopenDraft(draft: DraftOptions, open: () => void, enabled = true) {
  const session = useSession();
  const userId = session.status === 'authenticated' ? session.user.id : null;
  const { pathname } = useLocation();
  const openRef = useRef(open);
  openRef.current = open;
  const { id: formId, recordId, version } = draft;

  useEffect(() => {
    if (!userId || !enabled) return;
    let cancelled = false;
    void loadDraft({ userId, path: pathname, formId, recordId, version }).then((values) => {
      if (!cancelled && values) openRef.current();
    });
    return () => {
      cancelled = true;
    };
  }, [userId, pathname, formId, recordId, version, enabled]);
}
