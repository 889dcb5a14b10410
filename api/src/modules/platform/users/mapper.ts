import type { Me, User } from '@smes/shared';
import type { users } from '../../../db/schema/index.js';

type UserRow = typeof users.$inferSelect;

/**
 * The signed-in user. `mfaRequired` comes from the configuration (MFA_REQUIRED_FOR), through
 * `mfaRequiredFor` or the actor the guard built. Secrets never leave the database.
 */
export function toMe(
  row: Pick<
    UserRow,
    'id' | 'version' | 'email' | 'displayName' | 'role' | 'poles' | 'locale' | 'totpEnabledAt'
  >,
  mfaRequired: boolean,
): Me {
  return {
    id: row.id,
    version: row.version,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    poles: row.poles,
    locale: row.locale,
    mfa: { enrolled: row.totpEnabledAt !== null, required: mfaRequired },
  };
}

export function toUser(row: UserRow, activeSessions: number): User {
  const { mfa, ...me } = toMe(row, false);
  return {
    ...me,
    mfaEnrolled: mfa.enrolled,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    activeSessions,
  };
}
