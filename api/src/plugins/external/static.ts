import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundProblem } from '../app/errors.js';

/**
 * Serves the built SPA from the same origin as the API. Unknown /api paths are problem-details
 * 404s; any other unknown path gets index.html so that the SPA's router can answer it.
 */
export default fp(
  async function spa(app: FastifyInstance) {
    const root = app.config.WEB_DIST_DIR;
    const hasSpa = existsSync(`${root}/index.html`);
    if (hasSpa) {
      await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn({ root }, 'no built SPA found; run `pnpm build` to serve it');
    }
    app.setNotFoundHandler((request, reply) => {
      if (!hasSpa || request.url.startsWith('/api/') || request.url === '/api' || request.method !== 'GET') {
        return notFoundProblem(request, reply);
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'spa', dependencies: ['config'] },
);
