import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode, FieldError, FieldErrorCode, Problem } from '@smes/shared';
import { AppError } from '../../errors.js';

const TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Validation failed',
  UNAUTHENTICATED: 'Authentication required',
  INVALID_CREDENTIALS: 'Invalid e-mail or password',
  SESSION_EXPIRED: 'Session expired',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  TOO_MANY_REQUESTS: 'Too many requests',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
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
      // A unique index refused a write that raced past the service's own check: a conflict, not a crash.
      const pgCode =
        (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
      if (pgCode === '23505') return sendProblem(reply, problem(409, 'CONFLICT'));
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

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, 'NOT_FOUND', { instance: request.url.split('?')[0] }));
}
