import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { Problem } from '@smes/shared';
import {
  claimClientId,
  findClientId,
  forgetOldClientIds,
  idInUse,
  keepAnswer,
  releaseClientId,
} from '../../db/client-ids.js';
import { ConflictError } from '../../errors.js';
import { actorOf } from './auth.js';

export interface CreateRoute {
  method: string;
  url: string;
  /** Its body accepts a client-made `id` (a create that a retry never duplicates). */
  acceptsId: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api create route (POST answering 201) but those that say why they are not one. */
    createRoutes: CreateRoute[];
  }
  interface FastifyRequest {
    /** The client-made id of the create this request is making, until its answer is kept. */
    clientId: string | null;
  }
  interface FastifyContextConfig {
    /** A POST answering 201 that makes no record a retry could duplicate: why. */
    notACreate?: string;
  }
}

/**
 * Creates a retry never duplicates (decision 18). Every /api create (a POST answering 201)
 * accepts an optional `id` chosen by the client (`ClientId` in shared). A create sent with one
 * first claims it in `client_ids`, in the request's transaction, before its handler runs
 * (`insert … on conflict do nothing`: a second one arriving at once waits on the primary key
 * until the first commits); the record is made with that id, and the answer kept with the claim.
 * The same create again (same user, route, path and body) answers what the first answered, with
 * `Idempotent-Replay: true`, and makes nothing. Another body, another user, another route, or an
 * id some record already has (of any kind, seen by the caller or not): 409 on `id`, the same
 * answer in every case, so nothing leaks.
 *
 * Registered before `acting`, so acting's transaction wraps the handler this wraps.
 */
export default fp(
  async function clientIds(app: FastifyInstance) {
    const routes: CreateRoute[] = [];
    app.decorate('createRoutes', routes);
    app.decorateRequest('clientId', null);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || ![route.method].flat().includes('POST')) return;
      const routeSchema = (route.schema ??= {}) as {
        body?: { properties?: Record<string, unknown> };
        response?: Record<string, unknown>;
        description?: string;
      };
      if (!routeSchema.response?.[201] || route.config?.notACreate) return;
      const acceptsId = Boolean(routeSchema.body?.properties?.id);
      routes.push({ method: 'POST', url: route.url, acceptsId });
      if (!acceptsId) return;
      routeSchema.response = { ...routeSchema.response, 409: Problem };
      routeSchema.description = [
        routeSchema.description,
        'An `id` made by the client (a UUID) makes the create safe to retry: the same create sent again answers the record already made (`Idempotent-Replay: true`); another body with that id, or an id already used, 409.',
      ]
        .filter(Boolean)
        .join(' ');
      const handler = route.handler as (...a: unknown[]) => unknown;
      const key = `POST ${route.url}`;
      route.handler = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
        const id = (request.body as { id?: unknown } | undefined)?.id;
        if (typeof id !== 'string') return handler.call(this, request, reply);
        const db = app.database.db;
        const userId = actorOf(request).id;
        const fingerprint = fingerprintOf(app.config.JWT_SECRET, key, request.params, request.body);
        const claimed = await claimClientId(db, { id, route: key, fingerprint, userId });
        if (!claimed) {
          // Row security shows only one's own claims: another user's is "taken" as well.
          const first = await findClientId(db, id);
          if (
            first &&
            first.route === key &&
            first.userId === userId &&
            first.fingerprint === fingerprint &&
            first.status !== null &&
            first.response !== null
          ) {
            return reply.code(first.status).header('idempotent-replay', 'true').send(first.response);
          }
          throw idTaken();
        }
        try {
          if (await idInUse(db, id)) throw idTaken();
          await forgetOldClientIds(db, userId);
          request.clientId = id;
          const result = await handler.call(this, request, reply);
          // A create that returns its answer (one that also logs what it names, which needs the
          // returned value) is serialized after acting's transaction ends: keep its answer here,
          // still inside it. One that sends its answer keeps it in preSerialization below.
          if (request.clientId && result !== reply && result !== undefined) {
            request.clientId = null;
            if (reply.statusCode >= 200 && reply.statusCode < 300) {
              await keepAnswer(db, id, reply.statusCode, result);
            }
          }
          return result;
        } catch (error) {
          // Nothing was made: the id is free again (a failed statement rolls it all back anyway).
          request.clientId = null;
          await releaseClientId(db, id).catch(() => undefined);
          throw error;
        }
      } as RouteHandlerMethod;
    });

    // The handler's answer, kept with the claim before acting's transaction commits (reply.send
    // runs inside it; onSend is where acting commits).
    app.addHook('preSerialization', async (request, reply, payload: unknown) => {
      const id = request.clientId;
      if (!id) return payload;
      request.clientId = null;
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        await keepAnswer(app.database.db, id, reply.statusCode, payload);
      }
      return payload;
    });
  },
  { name: 'client-ids', dependencies: ['guard', 'database'] },
);

const idTaken = () =>
  new ConflictError('This id is already used: by another record, or by another create', [
    { field: 'id', code: 'taken' },
  ]);

/** The same JSON whatever the order of its keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * What identifies a create: its route, path parameters and body, keyed with the server's secret
 * (a body may hold a password, as a new user's does: no hash of it anyone could test guesses on).
 */
function fingerprintOf(secret: string, route: string, params: unknown, body: unknown): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify(canonical({ route, params, body })))
    .digest('hex');
}
