import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { Pole, Role } from './access.js';
import { Email, PASSWORD_MAX_LENGTH } from './auth.js';
import { ClientId, IsoDateTime, Locale, PageMeta, PageQuery, Uuid } from './common.js';

export const User = Type.Object({
  version: Version,
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  poles: Type.Array(Pole),
  locale: Type.Union([Locale, Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: IsoDateTime,
  lastLoginAt: Type.Union([IsoDateTime, Type.Null()]),
  activeSessions: Type.Integer({ minimum: 0 }),
  /** Whether the user has a second factor (an administrator can reset it). */
  mfaEnrolled: Type.Boolean(),
});
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object(
  {
    ...ClientId,
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    role: Role,
    poles: Type.Array(Pole, { uniqueItems: true }),
    /** The first password, given to the user by the administrator; 12+ characters, not common. */
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    role: Type.Optional(Role),
    poles: Type.Optional(Type.Array(Pole, { uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 120 })),
    role: Type.Optional(Role),
    pole: Type.Optional(Pole),
    includeDisabled: Type.Optional(Type.Boolean({ default: false })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserList = Type.Object({ items: Type.Array(User), ...PageMeta });
export type UserList = Static<typeof UserList>;

export const RevokedSessions = Type.Object({ revoked: Type.Integer({ minimum: 0 }) });
export type RevokedSessions = Static<typeof RevokedSessions>;
