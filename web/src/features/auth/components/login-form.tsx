import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

export function LoginForm() {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  const error = login.error;
  let message: string | null = null;
  if (isApiError(error) && error.code === 'TOO_MANY_REQUESTS' && error.retryAfter !== null) {
    message = t('login.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  } else if (error) {
    message = errorText(error);
  }
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate>
      {message && (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      )}
      <Field label={t('login.email')} error={fieldError('email')}>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label={t('login.password')} error={fieldError('password')}>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <button type="submit" className="button--primary" disabled={login.isPending}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
