import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Me } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useUpdateMe } from '../api/update-me';
import { DraftForm } from '@/lib/drafts';
import { sessionStore } from '@/lib/session';
import { useEditConflict } from '@/hooks/use-edit-conflict';

export function ProfileForm({ user }: { user: Me }) {
  const { t } = useTranslation(['account', 'common']);
  const saved = useUpdateMe();
  const updateMe = useEditConflict(saved);
  const [displayName, setDisplayName] = useState(user.displayName);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateMe.mutate(
      { body: { displayName: displayName.trim() } },
      {
        // Also after a conflict settled with the saved name, which the field then shows.
        onSuccess: (me) => {
          sessionStore.updateUser(me);
          setDisplayName(me.displayName);
        },
      },
    );
  };
  const error = updateMe.error;

  return (
    <DraftForm draft={{ id: 'profile' }} className="form" onSubmit={onSubmit} noValidate>
      <dl className="facts">
        <dt>{t('account:profile.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account:profile.role')}</dt>
        <dd>{t(`common:roles.${user.role}`)}</dd>
        {user.poles.length > 0 && (
          <>
            <dt>{t('account:profile.poles')}</dt>
            <dd>{user.poles.map((p) => t(`common:poles.${p}`)).join(', ')}</dd>
          </>
        )}
      </dl>
      <ErrorAlert error={error} />
      <EditConflict edit={updateMe} label={() => t('account:profile.displayName')} />
      {saved.isSuccess && (
        <p className="alert alert--success" role="status">
          {t('account:profile.done')}
        </p>
      )}
      <Field
        label={t('account:profile.displayName')}
        error={isApiError(error) ? error.fieldError('displayName') : null}
      >
        <input
          name="displayName"
          autoComplete="name"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </Field>
      <button type="submit" className="button--primary" disabled={updateMe.isPending}>
        {t('account:profile.submit')}
      </button>
    </DraftForm>
  );
}
