/*
 * The codes alone, without TypeBox: the SPA's first load (the sign-in page) translates them and
 * must not carry the schemas' library (errors.ts re-exports them with the schemas).
 */

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
  /** Breaking the glass on a read wholly within the reader's scope: there is nothing to break. */
  'NOTHING_TO_BREAK',
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
  /** A person erased (art. 17): nothing is left to edit (decision 31). */
  'erased',
  /** Support: a day of a request's follow-up before the day it was received. */
  'beforeReceived',
  /** Support: a first answer or an intervention by someone who is not of the Support pole. */
  'notSupportStaff',
  /** Support: the request is closed (reopen it first). */
  'requestClosed',
  /** Support: reopening a request that is not closed. */
  'requestOpen',
  /** Support: the request already has its first answer (it is recorded once). */
  'alreadyAnswered',
  /** Support: a first answer or a discussion dated after today (in Brussels). */
  'afterToday',
  /** Support trainings: the edition has as many participants as places. */
  'editionFull',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
