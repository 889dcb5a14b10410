import { Type, type Static } from 'typebox';

import { ERROR_CODES, FIELD_ERROR_CODES } from './error-codes.js';

export { ERROR_CODES, FIELD_ERROR_CODES } from './error-codes.js';
export type { ErrorCode, FieldErrorCode } from './error-codes.js';

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
