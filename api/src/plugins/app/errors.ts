import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode, FieldError, FieldErrorCode, Problem } from '@smes/shared';
import { databaseFailure, isDatabaseUnavailable, missingReferenceField } from '../../db/errors.js';
import { AppError, PreconditionFailedError } from '../../errors.js';

/** Seconds a client is told to wait while the database is away (restart, failover). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Validation failed',
  UNAUTHENTICATED: 'Authentication required',
  INVALID_CREDENTIALS: 'Invalid e-mail or password',
  SESSION_EXPIRED: 'Session expired',
  SESSION_IDLE: 'Session ended after inactivity',
  CHALLENGE_EXPIRED: 'Sign-in step expired',
  MFA_ENROLMENT_REQUIRED: 'Second factor enrolment required',
  FORBIDDEN: 'Forbidden',
  PURPOSE_REQUIRED: 'Purpose of the read required',
  BREAK_GLASS_REQUIRED: 'Outside your scope: break the glass with a reason',
  BREAK_GLASS_REASON_REQUIRED: 'Reason for breaking the glass required',
  NOTHING_TO_BREAK: 'Within your scope: nothing to break',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  TOO_MANY_REQUESTS: 'Too many requests',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  PRECONDITION_FAILED: 'Precondition failed',
  PRECONDITION_REQUIRED: 'Precondition required',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};

export function problem(status: number, code: ErrorCode, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://smes.brussels/problems/${code.toLowerCase()}`,
    title: TITLES[code],
    status,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  additionalProperties: 'unknown',
  format: 'format',
  minLength: 'tooShort',
  maxLength: 'tooLong',
  minimum: 'tooSmall',
  maximum: 'tooLarge',
  minItems: 'tooShort',
  maxItems: 'tooLong',
  minProperties: 'required',
  uniqueItems: 'invalid',
  pattern: 'format',
};

/** Turns Ajv's errors into one entry per field, named the way the SPA names its fields. */
export function fieldErrorsFromAjv(errors: AjvError[], part: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    let field = e.instancePath.replace(/^\//, '');
    if (e.keyword === 'required') field = [field, String(e.params.missingProperty)].filter(Boolean).join('/');
    if (e.keyword === 'additionalProperties')
      field = [field, String(e.params.additionalProperty)].filter(Boolean).join('/');
    if (!field) field = part === 'body' ? '' : part;
    if (byField.has(field)) continue;
    byField.set(field, {
      field,
      code: KEYWORD_CODES[e.keyword] ?? 'invalid',
      message: e.message ?? e.keyword,
    });
  }
  return [...byField.values()];
}

/**
 * One place turns every failure into RFC 9457 problem details. Expected failures keep their
 * code; anything else is logged in full and answered with a bare 500 that reveals nothing.
 */
export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
      if (error instanceof AppError) {
        if (error.headers) void reply.headers(error.headers);
        if (error.status >= 500) request.log.error({ err: error }, 'request failed');
        return sendProblem(
          reply,
          problem(error.status, error.code, {
            detail: error.message,
            ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
            ...(error instanceof PreconditionFailedError ? { current: error.current } : {}),
          }),
        );
      }
      if (error.validation) {
        const part = error.validationContext ?? 'body';
        return sendProblem(
          reply,
          problem(400, 'VALIDATION', {
            detail: `Invalid ${part}`,
            errors: fieldErrorsFromAjv(error.validation as AjvError[], part),
          }),
        );
      }
      const db = databaseFailure(error);
      if (db) {
        const answer = databaseProblem(db);
        if (answer) {
          if (answer.status === 503) {
            request.log.warn({ err: error }, 'database unavailable');
            void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          }
          return sendProblem(reply, answer);
        }
      }
      const status = error.statusCode ?? 500;
      if (status === 413) return sendProblem(reply, problem(413, 'PAYLOAD_TOO_LARGE'));
      if (status === 415) return sendProblem(reply, problem(415, 'UNSUPPORTED_MEDIA_TYPE'));
      if (status === 429) return sendProblem(reply, problem(429, 'TOO_MANY_REQUESTS'));
      if (status >= 400 && status < 500) {
        // Malformed JSON, empty body with a JSON content type and the like.
        return sendProblem(reply, problem(400, 'VALIDATION', { detail: 'The request could not be read' }));
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(reply, problem(500, 'INTERNAL'));
    });
  },
  { name: 'error-handler' },
);

/** The answer for a database refusal the request caused or may retry; undefined for a bug. */
function databaseProblem(db: NonNullable<ReturnType<typeof databaseFailure>>): Problem | undefined {
  if (isDatabaseUnavailable(db)) {
    return problem(503, 'SERVICE_UNAVAILABLE', { detail: 'The database is unavailable; retry shortly' });
  }
  // A unique index refused a write that raced past the service's own check: a conflict, not a crash.
  if (db.code === '23505') return problem(409, 'CONFLICT');
  if (db.code === '23503') {
    const field = missingReferenceField(db);
    // Missing: the request named a record that does not exist. Otherwise a delete of a record
    // something still refers to.
    return field
      ? problem(400, 'VALIDATION', {
          detail: 'A referenced record does not exist',
          errors: [{ field, code: 'unknownReference', message: 'does not exist' }],
        })
      : problem(409, 'CONFLICT');
  }
  // Data exceptions (class 22: out of range, invalid text…) come from what was sent.
  if (db.code?.startsWith('22')) {
    return problem(400, 'VALIDATION', { detail: 'A value could not be stored' });
  }
  return undefined;
}

/**
 * Fastify's own refusals before routing (a path parameter over the router's limit, a URL that
 * cannot be decoded), as problem details.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, problem(414, 'VALIDATION', { detail: 'A path parameter is too long' }));
  }
  return sendProblem(reply, problem(400, 'VALIDATION', { detail: 'The request could not be read' }));
}

/**
 * Node's HTTP parser refusing a request (Transfer-Encoding with Content-Length, bad headers,
 * a timeout): answered on the socket itself, still as problem details.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorCode] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'PAYLOAD_TOO_LARGE']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'VALIDATION']
        : [400, 'VALIDATION'];
  const body = JSON.stringify(problem(status, code, { detail: 'The request could not be read' }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, 'NOT_FOUND', { instance: request.url.split('?')[0] }));
}
