import { useState } from 'react';
import type { FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useChangePassword } from '../api/change-password';

export function PasswordForm() {
  const { t } = useTranslation('account');
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  };
  const error = changePassword.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={error} />
      {changePassword.isSuccess && (
        <p className="alert alert--success" role="status">
          {t('password.done')}
        </p>
      )}
      <Field label={t('password.current')} error={fieldError('currentPassword')}>
        <input
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
      </Field>
      <Field
        label={t('password.new')}
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldError('newPassword')}
      >
        <input
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
      </Field>
      <button type="submit" className="button--primary" disabled={changePassword.isPending}>
        {t('password.submit')}
      </button>
    </form>
  );
}
