import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useLogin, useVerifySecondFactor } from '../api/login';
import { typedBeforeScript } from '../prerender/static-sign-in';

/** `prerendering`: the copy written into the HTML at build time, which cannot send yet. */
export function LoginForm({ prerendering = false }: { prerendering?: boolean }) {
  const { t } = useTranslation(['auth', 'errors']);
  const errorText = useErrorText();
  const login = useLogin();
  // Taking over the page sent in the HTML: what was typed there, and the field the person is in.
  const [typed] = useState(() => (prerendering ? null : typedBeforeScript()));
  const [email, setEmail] = useState(typed?.email ?? '');
  const [password, setPassword] = useState(typed?.password ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (!typed) return;
    // A key pressed between this form's render and now is in the old form still: read it again.
    const latest = typedBeforeScript() ?? typed;
    setEmail(latest.email);
    setPassword(latest.password);
    if (!latest.focus) return;
    const field = formRef.current?.elements.namedItem(latest.focus);
    if (!(field instanceof HTMLInputElement)) return;
    field.focus();
    if (latest.selection && field.type === 'password') field.setSelectionRange(...latest.selection);
  }, [typed]);
  // After the right password, an account with a second factor answers with a challenge.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setExpired(false);
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => {
          if ('mfaRequired' in result) {
            setChallenge(result.challenge);
            setPassword('');
          }
        },
      },
    );
  };

  if (challenge) {
    return (
      <CodeStep
        challenge={challenge}
        onExpired={() => {
          setChallenge(null);
          setExpired(true);
          login.reset();
        }}
      />
    );
  }

  const error = login.error;
  let message: string | null = null;
  if (expired) message = t('errors:errors.CHALLENGE_EXPIRED');
  else if (isApiError(error) && error.code === 'TOO_MANY_REQUESTS' && error.retryAfter !== null) {
    message = t('auth:login.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  } else if (error) {
    message = errorText(error);
  }
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);

  return (
    <form className="form login-form" method="post" onSubmit={onSubmit} noValidate ref={formRef}>
      {message && (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      )}
      <Field label={t('auth:login.email')} error={fieldError('email')}>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label={t('auth:login.password')} error={fieldError('password')}>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <button type="submit" className="button--primary" disabled={prerendering || login.isPending}>
        {login.isPending ? t('auth:login.submitting') : t('auth:login.submit')}
      </button>
    </form>
  );
}

/** The second step: six digits from the app (a numeric keypad on phones), or a recovery code. */
function CodeStep({ challenge, onExpired }: { challenge: string; onExpired: () => void }) {
  const { t } = useTranslation(['auth', 'errors']);
  const errorText = useErrorText();
  const verify = useVerifySecondFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify.mutate(useRecovery ? { challenge, recoveryCode: code.trim() } : { challenge, code: code.trim() }, {
      onError: (error) => {
        if (isApiError(error) && error.code === 'CHALLENGE_EXPIRED') onExpired();
      },
    });
  };

  const error = verify.error;
  const fieldError = isApiError(error)
    ? (error.fieldError(useRecovery ? 'recoveryCode' : 'code') ?? null)
    : null;
  let message: string | null = null;
  if (isApiError(error) && error.code === 'TOO_MANY_REQUESTS' && error.retryAfter !== null) {
    message = t('auth:login.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  } else if (error && !fieldError) {
    message = errorText(error);
  }

  return (
    <form className="form login-form" method="post" onSubmit={onSubmit} noValidate>
      <p>{t(useRecovery ? 'auth:code.recoveryIntro' : 'auth:code.intro')}</p>
      {message && (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      )}
      {useRecovery ? (
        <Field key="recovery" label={t('auth:code.recoveryLabel')} error={fieldError}>
          <input
            type="text"
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
      ) : (
        <Field key="code" label={t('auth:code.label')} error={fieldError}>
          <input
            type="text"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
      )}
      <button type="submit" className="button--primary" disabled={verify.isPending}>
        {verify.isPending ? t('auth:code.submitting') : t('auth:code.submit')}
      </button>
      <button
        type="button"
        className="button--ghost"
        onClick={() => {
          setUseRecovery(!useRecovery);
          setCode('');
          verify.reset();
        }}
      >
        {t(useRecovery ? 'auth:code.useApp' : 'auth:code.useRecovery')}
      </button>
    </form>
  );
}
