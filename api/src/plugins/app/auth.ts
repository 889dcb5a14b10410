import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { retryIfDropped } from '../../db/client.js';
import { admitReads } from '../../access/reads.js';
import { AppError, ForbiddenError, UnauthenticatedError } from '../../errors.js';
import { authenticate } from '../../modules/platform/auth/service.js';
import type { DeclaredAccess, ServiceContext } from '../../types.js';

/**
 * The guard. Every /api route must declare its access (see RouteAccess): the start fails if one
 * does not, so nothing is open by omission. Signed-in routes read the actor from the database
 * (a session idle past SESSION_IDLE_MINUTES ends there), a user who must enrol a second factor
 * and has not reaches only the routes marked `enrolment`, then the access matrix decides.
 */
export default fp(
  async function guard(app: FastifyInstance) {
    app.decorateRequest('actor', null);
    app.decorateRequest('admittedReads', null);
    app.decorateRequest('namedInFile', null);
    const rules: DeclaredAccess[] = [];
    app.decorate('accessRules', rules);

    app.addHook('onRoute', (route) => {
      if (!isGuarded(route.url)) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method.toString()} ${route.url} declares no access rule`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') rules.push({ method, url: route.url, access });
      }
    });

    app.addHook('onRequest', async (request: FastifyRequest) => {
      const access = request.routeOptions.config.access;
      if (!access) {
        // A route that escaped the start-up check (registered before this plugin, say) is
        // closed, not open: only unknown URLs (404) and the API description pass.
        if (request.is404 || !isGuarded(request.url)) return;
        throw new ForbiddenError();
      }
      if ('public' in access) return;
      let claims: { sub: string; sid: string };
      try {
        claims = await request.jwtVerify();
      } catch {
        throw new UnauthenticatedError('UNAUTHENTICATED');
      }
      // A connection the server dropped while idle fails the first statement: read again.
      request.actor = await retryIfDropped(() =>
        authenticate(app.database.db, app.config, claims, request.ip),
      );
      // Whoever must have a second factor and has none yet may only enrol it.
      const mfa = request.actor.mfa;
      if (mfa?.required && !mfa.enrolled && !request.routeOptions.config.enrolment) {
        throw new AppError('MFA_ENROLMENT_REQUIRED', 403, 'Enrol a second factor first');
      }
      // The matrix, the purpose of sensitive reads and breaking the glass (src/access/reads.ts).
      const admitted = admitReads(request, access, request.actor);
      request.actor = admitted.actor;
      request.admittedReads = admitted.reads;
    });
  },
  { name: 'guard', dependencies: ['jwt', 'database'] },
);

/** Every /api URL but the API description must declare who may call it. */
function isGuarded(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/** The actor of a route that the guard has let through. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

/** What a service needs to act for the request's actor. */
export function serviceContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  return { db: app.database.db, actor: actorOf(request), ip: request.ip };
}
