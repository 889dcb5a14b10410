import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useErrorText } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useCurrentUser } from '@/hooks/use-session';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { reloadMe, useConfirmEnrolment, useStartEnrolment } from '../api/enrol';
import { QrCode } from '../components/qr-code';
import { SignOutButton } from '../components/sign-out-button';

/** The secret as apps print it: groups of four letters. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Enrolling a second factor: scan the QR code (or type the key), confirm with a first code, then
 * keep the recovery codes, shown this once. A user whose role or pole requires a factor lands
 * here after signing in and can reach nothing else until it is done.
 */
export function EnrolPage() {
  const { t } = useTranslation(['auth', 'common']);
  useDocumentTitle(t('auth:enrol.title'));
  const user = useCurrentUser();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [leaving, setLeaving] = useState(false);

  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate({ code: code.trim() }, { onSuccess: (res) => setRecoveryCodes(res.recoveryCodes) });
  };

  const download = () => {
    const text = `${t('auth:enrol.fileHeader', { email: user.email })}\n\n${recoveryCodes!.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'smes-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const finish = async () => {
    setLeaving(true);
    try {
      await reloadMe();
    } finally {
      void navigate('/', { replace: true });
    }
  };

  const setupError = start.error;
  const codeError = isApiError(confirm.error) ? confirm.error.fieldError('code') : null;
  const confirmMessage =
    confirm.error && !codeError
      ? isApiError(confirm.error) &&
        confirm.error.code === 'TOO_MANY_REQUESTS' &&
        confirm.error.retryAfter !== null
        ? t('auth:login.tooManyAttempts', { count: Math.max(1, Math.ceil(confirm.error.retryAfter / 60)) })
        : errorText(confirm.error)
      : null;

  let body;
  if (recoveryCodes) {
    body = (
      <>
        <h2>{t('auth:enrol.recoveryTitle')}</h2>
        <p className="alert alert--success" role="status">
          {t('auth:enrol.done')}
        </p>
        <p>{t('auth:enrol.recoveryIntro')}</p>
        <ol className="recovery-codes" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="form__actions enrol__actions">
          <button type="button" onClick={download}>
            {t('auth:enrol.download')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('auth:enrol.print')}
          </button>
        </div>
        <button
          type="button"
          className="button--primary enrol__continue"
          disabled={leaving}
          onClick={() => void finish()}
        >
          {t('auth:enrol.continue')}
        </button>
      </>
    );
  } else if (user.mfa.enrolled) {
    body = <p className="alert alert--info">{t('auth:enrol.already')}</p>;
  } else if (!start.data) {
    body = (
      <>
        <p>{t(user.mfa.required ? 'auth:enrol.introRequired' : 'auth:enrol.intro')}</p>
        <p className="muted">{t('auth:enrol.apps')}</p>
        {setupError && (
          <p className="alert alert--error" role="alert">
            {errorText(setupError)}
          </p>
        )}
        <button
          type="button"
          className="button--primary enrol__continue"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('auth:enrol.start')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        <h2>{t('auth:enrol.scanTitle')}</h2>
        <p>{t('auth:enrol.scan')}</p>
        <div className="enrol__qr">
          <QrCode text={start.data.otpauthUri} label={t('auth:enrol.qrLabel')} />
        </div>
        <details className="enrol__manual">
          <summary>{t('auth:enrol.manual')}</summary>
          <p>{t('auth:enrol.manualIntro')}</p>
          <p>
            <code className="enrol__secret" data-testid="totp-secret">
              {grouped(start.data.secret)}
            </code>
          </p>
          <p>
            <a href={start.data.otpauthUri}>{t('auth:enrol.openApp')}</a>
          </p>
        </details>
        <form className="form login-form" onSubmit={onConfirm} noValidate>
          {confirmMessage && (
            <p className="alert alert--error" role="alert">
              {confirmMessage}
            </p>
          )}
          <Field label={t('auth:enrol.codeLabel')} hint={t('auth:enrol.codeHint')} error={codeError}>
            <input
              type="text"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <button type="submit" className="button--primary" disabled={confirm.isPending}>
            {confirm.isPending ? t('auth:code.submitting') : t('auth:enrol.confirm')}
          </button>
        </form>
      </>
    );
  }

  return (
    <div className="auth-page">
      <header className="auth-page__header">
        <span className="brand">{t('common:appName')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth-page__card enrol" id="main">
        <h1>{t('auth:enrol.title')}</h1>
        {body}
        <div className="enrol__footer">
          {user.mfa.required && !user.mfa.enrolled && !recoveryCodes ? (
            <SignOutButton />
          ) : (
            !recoveryCodes && (
              <button type="button" className="button--ghost" onClick={() => void navigate('/account')}>
                {t('auth:enrol.back')}
              </button>
            )
          )}
        </div>
      </main>
    </div>
  );
}
