import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '../../errors.js';

/** NUL, which PostgreSQL text cannot hold, and a UTF-16 surrogate without its pair. */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** The path (`languages/1`, `name`) of the first string under `value` the database cannot store. */
export function unstorableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('/') : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const at = unstorableText(item, [...path, String(i)]);
      if (at !== undefined) return at;
    }
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = unstorableText(key, [...path, key]) ?? unstorableText(item, [...path, key]);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

function makeAjv(options: Options) {
  const ajv = new Ajv({
    allErrors: true,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
    ...options,
  });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Bodies are checked as sent: no type coercion, unknown fields refused (never silently dropped).
 * Query strings and path params arrive as text, so there numbers and booleans are coerced.
 */
export default fp(
  async function validation(app: FastifyInstance) {
    const strict = makeAjv({ coerceTypes: false });
    const coercing = makeAjv({ coerceTypes: 'array' });
    app.setValidatorCompiler(({ schema, httpPart }) =>
      (httpPart === 'body' ? strict : coercing).compile(schema),
    );

    // Refused once here, for every route and every part of the request, rather than by the
    // database with a 500 (PostgreSQL 22021 for NUL; jsonb refuses a lone surrogate).
    app.addHook('preValidation', async (request) => {
      for (const part of ['params', 'query', 'body'] as const) {
        const field = unstorableText(request[part]);
        if (field !== undefined) {
          throw new ValidationError(
            [{ field: field || part, code: 'invalid', message: 'contains a NUL or an unpaired surrogate' }],
            `Invalid ${part}`,
          );
        }
      }
    });

    // An empty body sent as JSON (a client that always sets the header) reads as no body, so a
    // route whose body is optional accepts it; a route that needs one still says what is missing.
    const json = app.getDefaultJsonParser('error', 'error');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (body === '') return done(null, undefined);
      return json(request, body as string, done);
    });
  },
  { name: 'validation' },
);
