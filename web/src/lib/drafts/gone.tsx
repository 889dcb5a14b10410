import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/hooks/use-session';
import { dropDraftsOfRecord } from './store';

/**
 * A record that answers erased or not found keeps no draft (decision 31): the page that reads it
 * calls this with `gone` once it knows, and every draft this user kept about the record on this
 * device (its edit form, a form on its page, whatever version) is dropped before any form could
 * restore it. Answers whether one was dropped, for `<DraftsDropped />` to say so.
 */
export function useDropDraftsOfGoneRecord(recordId: string, gone: boolean): boolean {
  const session = useSession();
  const userId = session.status === 'authenticated' ? session.user.id : null;
  const [dropped, setDropped] = useState<string | null>(null);

  useEffect(() => {
    if (!userId || !gone || !recordId) return;
    let cancelled = false;
    void dropDraftsOfRecord(userId, recordId).then((count) => {
      if (!cancelled && count > 0) setDropped(recordId);
    });
    return () => {
      cancelled = true;
    };
  }, [userId, recordId, gone]);

  return dropped === recordId;
}

/** The line that says a draft was dropped because its record is gone. */
export function DraftsDropped() {
  const { t } = useTranslation('drafts');
  return (
    <p className="alert alert--info" role="status">
      {t('droppedGone')}
    </p>
  );
}
