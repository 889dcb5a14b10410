import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../../errors.js';

/**
 * One ceiling on requests per client address and minute, whatever the route: a script hammering
 * the API is slowed down before it costs the database anything. Sign-in has its own, stricter
 * throttling on top. The answer is the usual problem details (429 with Retry-After).
 */
export default fp(
  async function requestRateLimit(app: FastifyInstance) {
    await app.register(rateLimit, {
      global: true,
      max: app.config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequestsError(Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  },
  { name: 'rate-limit', dependencies: ['config'] },
);
