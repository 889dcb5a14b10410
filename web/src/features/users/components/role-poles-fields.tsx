import { POLES, ROLES, roleTakesPoles } from '@smes/shared';
import type { FieldErrorCode, Pole, Role } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Field, Fieldset } from '@/components/form-field';

interface RolePolesFieldsProps {
  role: Role;
  poles: readonly Pole[];
  onRoleChange: (role: Role) => void;
  onPolesChange: (poles: Pole[]) => void;
  roleError?: FieldErrorCode | null;
  polesError?: FieldErrorCode | null;
}

/** Role select, and pole checkboxes only for the roles that belong to poles. */
export function RolePolesFields(props: RolePolesFieldsProps) {
  const { role, poles, onRoleChange, onPolesChange, roleError, polesError } = props;
  const { t } = useTranslation(['users', 'common']);

  const togglePole = (pole: Pole, checked: boolean) =>
    onPolesChange(
      checked ? POLES.filter((p) => p === pole || poles.includes(p)) : poles.filter((p) => p !== pole),
    );

  return (
    <>
      <Field label={t('users:form.role')} error={roleError}>
        <select name="role" value={role} onChange={(e) => onRoleChange(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common:roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {roleTakesPoles(role) ? (
        <Fieldset legend={t('users:form.poles')} hint={t('users:form.polesHint')} error={polesError}>
          {POLES.map((pole) => (
            <label key={pole} className="checkbox">
              <input
                type="checkbox"
                name="poles"
                value={pole}
                checked={poles.includes(pole)}
                onChange={(e) => togglePole(pole, e.target.checked)}
              />
              {t(`common:poles.${pole}`)}
            </label>
          ))}
        </Fieldset>
      ) : (
        // A pole error can still come back for a role without poles (polesNotAllowed).
        polesError && <FieldErrorLine code={polesError} />
      )}
    </>
  );
}

function FieldErrorLine({ code }: { code: FieldErrorCode }) {
  const { t } = useTranslation('errors');
  return <p className="field__error">{t(`fieldErrors.${code}`)}</p>;
}
