import { useState } from 'react';
import type { FormEvent } from 'react';
import { roleTakesPoles } from '@smes/shared';
import type { Pole, Role, User } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { changedFields } from '@/lib/versioned';
import { useUpdateUser } from '../api/update-user';
import { RolePolesFields } from './role-poles-fields';
import { DraftForm } from '@/lib/drafts';
import { useEditConflict } from '@/hooks/use-edit-conflict';

interface EditUserFormProps {
  user: User;
  onSaved: (user: User) => void;
  onCancel: () => void;
}

/** Name, role and poles; enabling and disabling sit on the row, one click each. */
export function EditUserForm({ user, onSaved, onCancel }: EditUserFormProps) {
  const { t } = useTranslation(['users', 'common']);
  const updateUser = useEditConflict(useUpdateUser());
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [poles, setPoles] = useState<Pole[]>([...user.poles]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only what changed: a stale form never puts back a role someone else changed meanwhile.
    const body = changedFields(user, {
      displayName: displayName.trim(),
      role,
      poles: roleTakesPoles(role) ? poles : [],
    });
    if (Object.keys(body).length === 0) return onSaved(user);
    updateUser.mutate({ base: user, body }, { onSuccess: onSaved });
  };

  const error = updateUser.error;
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : null);

  return (
    <DraftForm
      draft={{ id: 'user', recordId: user.id, version: user.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('edit.title', { name: user.displayName })}
    >
      <ErrorAlert error={error} />
      <EditConflict
        edit={updateUser}
        label={(field) => t(`form.${field}` as 'form.role')}
        display={(field, value) =>
          field === 'role'
            ? t(`common:roles.${value as Role}`)
            : field === 'poles'
              ? (value as Pole[]).map((p) => t(`common:poles.${p}`)).join(', ')
              : String(value ?? '')
        }
      />
      <Field label={t('form.displayName')} error={fieldError('displayName')}>
        <input
          name="displayName"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </Field>
      <RolePolesFields
        role={role}
        poles={poles}
        onRoleChange={setRole}
        onPolesChange={setPoles}
        roleError={fieldError('role')}
        polesError={fieldError('poles')}
      />
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={updateUser.isPending}>
          {t('edit.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
