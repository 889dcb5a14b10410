import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { Pole, Role } from './access.js';
import { Locale, Uuid } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** The second factor: whether the user has one, and whether their role or pole requires one. */
export const MfaStatus = Type.Object({ enrolled: Type.Boolean(), required: Type.Boolean() });
export type MfaStatus = Static<typeof MfaStatus>;

/** The signed-in user as the SPA needs them. */
export const Me = Type.Object({
  version: Version,
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  poles: Type.Array(Pole),
  locale: Type.Union([Locale, Type.Null()]),
  mfa: MfaStatus,
});
export type Me = Static<typeof Me>;

export const SessionResponse = Type.Object({
  accessToken: Type.String(),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
  user: Me,
});
export type SessionResponse = Static<typeof SessionResponse>;

/** The password was right and the account has a second factor: send a code with this challenge. */
export const MfaChallengeResponse = Type.Object({
  mfaRequired: Type.Literal(true),
  /** Opaque, single-use, short-lived; only good for `POST /api/auth/mfa`. */
  challenge: Type.String(),
  /** Seconds the challenge stays good. */
  expiresIn: Type.Integer(),
});
export type MfaChallengeResponse = Static<typeof MfaChallengeResponse>;

export const LoginResponse = Type.Union([SessionResponse, MfaChallengeResponse]);
export type LoginResponse = Static<typeof LoginResponse>;

/** A six-digit code from the authenticator app, spaces allowed. */
export const TotpCode = Type.String({ minLength: 1, maxLength: 20 });

/** The sign-in's second step: a code from the app, or one of the recovery codes. */
export const MfaVerifyBody = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 200 }),
    code: Type.Optional(TotpCode),
    recoveryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type MfaVerifyBody = Static<typeof MfaVerifyBody>;

/** A new secret awaiting its first code: shown once, never again after confirmation. */
export const TotpSetup = Type.Object({
  secret: Type.String(),
  /** `otpauth://totp/…`, what the QR code holds. */
  otpauthUri: Type.String(),
});
export type TotpSetup = Static<typeof TotpSetup>;

export const TotpConfirmBody = Type.Object({ code: TotpCode }, { additionalProperties: false });
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

/** Single-use codes for a lost phone: shown once, stored only as keyed hashes. */
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export type RecoveryCodes = Static<typeof RecoveryCodes>;

export const UpdateMeBody = Type.Object(
  {
    locale: Type.Optional(Locale),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
