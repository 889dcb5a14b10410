import type { ErrorCode, FieldError } from '@smes/shared';

/** A failure the domain expects; the error-handler plugin turns it into problem details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: FieldError[], message = 'Some fields are not valid') {
    super('VALIDATION', 400, message, fieldErrors);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    code: Extract<
      ErrorCode,
      'UNAUTHENTICATED' | 'INVALID_CREDENTIALS' | 'SESSION_EXPIRED'
    > = 'UNAUTHENTICATED',
    message = 'Authentication required',
  ) {
    super(code, 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('NOT_FOUND', 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: FieldError[]) {
    super('CONFLICT', 409, message, fieldErrors);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', 429, `Too many attempts; retry in ${retryAfterSeconds} s`, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** An update sent without `If-Match` (decision 12): the client must say which version it changes. */
export class PreconditionRequiredError extends AppError {
  constructor() {
    super('PRECONDITION_REQUIRED', 428, 'Send If-Match with the ETag of the record you changed');
  }
}

/** An update of a version that is no longer the current one; `current` is the record as it is now. */
export class PreconditionFailedError extends AppError {
  constructor(readonly current: { version: number }) {
    super('PRECONDITION_FAILED', 412, 'The record changed since you read it', undefined, {
      etag: `"v${current.version}"`,
    });
  }
}
