import type { Me, User } from '@smes/shared';
import type { users } from '../../../db/schema/index.js';

type UserRow = typeof users.$inferSelect;

export function toMe(row: Pick<UserRow, 'id' | 'email' | 'displayName' | 'role' | 'poles' | 'locale'>): Me {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    poles: row.poles,
    locale: row.locale,
  };
}

export function toUser(row: UserRow, activeSessions: number): User {
  return {
    ...toMe(row),
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    activeSessions,
  };
}
