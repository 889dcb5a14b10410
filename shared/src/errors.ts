import { Type, type Static } from 'typebox';

/**
 * Stable error codes. The API puts one in every problem-details body; the SPA translates
 * `errors.<CODE>` and never shows the server's own text.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  /** The session ended after SESSION_IDLE_MINUTES without a request. */
  'SESSION_IDLE',
  /** The sign-in's second step came too late (or twice): start again with the password. */
  'CHALLENGE_EXPIRED',
  /** This account must enrol a second factor first; nothing else is open until it does. */
  'MFA_ENROLMENT_REQUIRED',
  'FORBIDDEN',
  /** A read of sensitive records names no purpose (the `X-Purpose` header; decision 15). */
  'PURPOSE_REQUIRED',
  /** The record is outside the reader's scope: readable only by breaking the glass, with a reason. */
  'BREAK_GLASS_REQUIRED',
  /** Breaking the glass needs a written reason (`X-Break-Glass-Reason`, 15 characters or more). */
  'BREAK_GLASS_REASON_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why one field was refused; the SPA translates `fieldErrors.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown',
  'invalid',
  'format',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'notAllowed',
  'tooCommon',
  'taken',
  'polesRequired',
  'polesNotAllowed',
  'wrongPassword',
  'overlaps',
  'notMember',
  'duplicateRow',
  'unknownReference',
  'wrongFileType',
  'formula',
  'zipBomb',
  'tooManyRows',
  'emptyFile',
  'unreadable',
  'sheetNotFound',
  'groupFull',
  'hasAttendance',
  'sessionToCome',
  'withdrawnBefore',
  'registeredAfter',
  'bothInGroup',
  'wrongCode',
  'codeUsed',
  'legalHold',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FieldError = Type.Object({
  /** JSON pointer-ish path of the field, e.g. `email` or `poles/1`. */
  field: Type.String(),
  code: Type.Enum(FIELD_ERROR_CODES),
  /** English, for developers and logs; the SPA shows its own translation. */
  message: Type.Optional(Type.String()),
  /** Values the translation may name (a cell such as `B3`, a limit). */
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
export type FieldError = Static<typeof FieldError>;

/** RFC 9457 problem details, with our stable `code` and the fields at fault. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.Enum(ERROR_CODES),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(FieldError)),
  /** 412: the record as it is now (with its `version`), so the client can compare and resend. */
  current: Type.Optional(Type.Unknown()),
});
export type Problem = Static<typeof Problem>;
