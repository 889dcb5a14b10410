import { useState } from 'react';
import type { FormEvent } from 'react';
import { LOCALES, PASSWORD_MIN_LENGTH, roleTakesPoles } from '@smes/shared';
import type { Locale, Pole, Role, User } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { useCreateUser } from '../api/create-user';
import { RolePolesFields } from './role-poles-fields';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface CreateUserFormProps {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useTranslation(['users', 'common']);
  const createUser = useCreateUser();
  const clientId = useClientId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('worker');
  const [poles, setPoles] = useState<Pole[]>([]);
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale | ''>('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    createUser.mutate(
      {
        id: clientId.id,
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        poles: roleTakesPoles(role) ? poles : [],
        password,
        ...(locale ? { locale } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  const error = createUser.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);

  return (
    <DraftForm
      draft={{ id: 'user' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('users:create.title')}
    >
      {clientId.field}
      <ErrorAlert error={error} />
      <Field label={t('users:form.email')} error={fieldError('email')}>
        <input
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label={t('users:form.displayName')} error={fieldError('displayName')}>
        <input
          name="displayName"
          autoComplete="off"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </Field>
      <Field label={t('users:form.locale')} error={fieldError('locale')}>
        <select name="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale | '')}>
          <option value="">{t('users:form.localeUnset')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`common:language.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <RolePolesFields
        role={role}
        poles={poles}
        onRoleChange={setRole}
        onPolesChange={setPoles}
        roleError={fieldError('role')}
        polesError={fieldError('poles')}
      />
      <Field
        label={t('users:form.password')}
        hint={t('users:form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldError('password')}
      >
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={createUser.isPending}>
          {t('users:create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('users:form.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
