import type { User } from '@smes/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading } from '@/components/status-pages';
import { useUser } from '../api/get-user';
import { EditUserForm } from './edit-user-form';

interface EditUserPanelProps {
  user: User;
  onSaved: (user: User) => void;
  onClose: () => void;
}

/** Edits from the server's current values (the list row may be stale); focus moves here. */
export function EditUserPanel({ user: rowUser, onSaved, onClose }: EditUserPanelProps) {
  const { t } = useTranslation('users');
  const user = useUser(rowUser.id);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="panel" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title" tabIndex={-1} ref={headingRef}>
        {t('edit.title', { name: (user.data ?? rowUser).displayName })}
      </h2>
      {user.isPending ? (
        <FullPageLoading />
      ) : user.isError ? (
        <ErrorAlert error={user.error} />
      ) : (
        <EditUserForm user={user.data} onSaved={onSaved} onCancel={onClose} />
      )}
    </section>
  );
}
