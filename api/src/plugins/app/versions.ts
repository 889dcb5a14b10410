import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { etagOf, parseIfMatch, Problem } from '@smes/shared';
import type { IfMatch } from '../../db/versions.js';
import { PreconditionRequiredError } from '../../errors.js';

export interface VersionedRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api update route (PATCH, PUT): each requires If-Match; walked by the tests. */
    versionedRoutes: VersionedRoute[];
  }
  interface FastifyRequest {
    /** The update's `If-Match`, read by the versions plugin before the handler runs. */
    ifMatch: IfMatch | undefined;
    /** A PUT that may create (`If-None-Match: *`): only when nothing exists under that name yet. */
    createOnly: boolean;
  }
  interface FastifyContextConfig {
    /** A PUT that creates the record when it does not exist yet accepts `If-None-Match: *`. */
    putCreates?: boolean;
  }
}

const isUpdate = (method: string) => method === 'PATCH' || method === 'PUT';

/**
 * Versioned records, the HTTP way (decision 13). Every /api update (PATCH, PUT) must say which
 * version it changes: without `If-Match` it is refused with 428 before its handler runs; the
 * service compares and bumps in one statement (db/versions.ts) and answers 412 with the current
 * record when it is stale. Every answer carrying a record (`id` and `version`) gets its ETag.
 */
export default fp(
  async function versions(app: FastifyInstance) {
    const routes: VersionedRoute[] = [];
    app.decorate('versionedRoutes', routes);
    app.decorateRequest('ifMatch', undefined);
    app.decorateRequest('createOnly', false);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      const methods = [route.method].flat().filter(isUpdate);
      if (methods.length === 0) return;
      for (const method of methods) routes.push({ method, url: route.url });
      const schema = (route.schema ??= {}) as { response?: Record<string, unknown>; description?: string };
      schema.response = { ...schema.response, 412: Problem, 428: Problem };
      schema.description = [
        schema.description,
        "Requires `If-Match` with the record's ETag (`*`: any version): 428 without it, 412 with the current record when it is stale.",
      ]
        .filter(Boolean)
        .join(' ');
    });

    app.addHook('preHandler', async (request: FastifyRequest) => {
      if (!isUpdate(request.method) || !request.routeOptions.url?.startsWith('/api/')) return;
      const ifMatch = parseIfMatch(header(request, 'if-match'));
      if (ifMatch !== undefined) {
        request.ifMatch = ifMatch;
        return;
      }
      if (request.routeOptions.config.putCreates && header(request, 'if-none-match')?.trim() === '*') {
        request.createOnly = true;
        return;
      }
      throw new PreconditionRequiredError();
    });

    app.addHook('preSerialization', async (request, reply, payload: unknown) => {
      if (!request.url.startsWith('/api/') || reply.statusCode >= 300) return payload;
      const version = (payload as { id?: unknown; version?: unknown } | null)?.version;
      if (typeof version === 'number' && typeof (payload as { id?: unknown }).id === 'string') {
        void reply.header('etag', etagOf(version));
      }
      return payload;
    });
  },
  { name: 'versions' },
);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The precondition a service checks: the versions `If-Match` named, or any (`*`). */
export function ifMatchOf(request: FastifyRequest): IfMatch {
  // The preHandler refused the request before the handler if neither header was sent.
  return request.ifMatch ?? [];
}
