import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async function cookies(app: FastifyInstance) {
    await app.register(cookie);
  },
  { name: 'cookie' },
);
