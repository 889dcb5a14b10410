import type { FastifyRequest } from 'fastify';

/**
 * What the logs may say about a request and an error. Search terms in query strings are names,
 * and a failed query's parameters or a constraint's detail are the data being written: neither
 * belongs in logs kept and shipped elsewhere.
 */

/** Database fields that describe where a query failed without repeating the data. */
const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'routine', 'schema', 'table', 'column', 'constraint'];

type Serialized = Record<string, unknown>;
interface SerializedError extends Serialized {
  type: string;
  message: string;
  stack: string;
}

export function serializeError(err: Error): SerializedError {
  return serializeAt(err, 0);
}

function serializeAt(err: Error, depth: number): SerializedError {
  const e = err as Error & Record<string, unknown>;
  const isQuery = typeof e.query === 'string' && 'params' in e;
  const isDatabase = typeof e.severity === 'string' && typeof e.routine === 'string';
  // Drizzle's message is "Failed query: …\nparams: …"; PostgreSQL quotes the offending value.
  const message = isQuery
    ? `Failed query: ${e.query as string}`
    : isDatabase
      ? err.message.replace(/"[^"]*"/g, '"…"')
      : err.message;
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: SerializedError = {
    type: err.name,
    message,
    stack: [`${err.name}: ${message}`, ...frames].join('\n'),
  };
  for (const field of SAFE_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (err.cause instanceof Error && depth < 5) out.cause = serializeAt(err.cause, depth + 1);
  return out;
}

export function serializeRequest(request: FastifyRequest): {
  method: string;
  url: string;
  remoteAddress: string;
} {
  const [path, query] = request.url.split('?', 2);
  return {
    method: request.method,
    url: query === undefined ? (path ?? '') : `${path ?? ''}?…`,
    remoteAddress: request.ip,
  };
}

export const logSerializers = { err: serializeError, req: serializeRequest };
