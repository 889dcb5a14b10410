import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '../../errors.js';
import { UNSTORABLE_TEXT } from '../../lib/text.js';

interface Visit {
  value: unknown;
  key?: string;
  parent?: Visit;
}

/**
 * The path (`languages/1`, `name`) of the first string under `value` the database cannot store.
 * Walked with a stack of its own rather than recursion, so that a body nested thousands of
 * levels deep (`[[[[…]]]]`) is read to its end instead of overflowing the call stack (a 500).
 */
export function unstorableText(value: unknown, path: string[] = []): string | undefined {
  const pending: Visit[] = [{ value }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const v = visit.value;
    if (typeof v === 'string') {
      if (!UNSTORABLE_TEXT.test(v)) continue;
      const keys: string[] = [];
      for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
      return [...path, ...keys].join('/');
    }
    const children: Visit[] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push({ value: item, key: String(i), parent: visit }));
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        // A key is text too, checked before its value.
        children.push({ value: key, key, parent: visit });
        children.push({ value: item, key, parent: visit });
      }
    }
    // Reversed, so that the first field in the body is the one named, as it is read.
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
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
