import jwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const JWT_ISSUER = 'smes-platform';
export const JWT_AUDIENCE = 'smes-api';

/**
 * Access tokens: HS256 only, issuer and audience checked, ≤10 minutes. They carry the user's id
 * and the session's id and nothing personal; roles are read from the database on each request.
 */
export default fp(
  async function accessTokens(app: FastifyInstance) {
    await app.register(jwt, {
      secret: app.config.JWT_SECRET,
      sign: {
        algorithm: 'HS256',
        iss: JWT_ISSUER,
        aud: JWT_AUDIENCE,
        expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS,
      },
      verify: { algorithms: ['HS256'], allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE },
    });
  },
  { name: 'jwt', dependencies: ['config'] },
);

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; sid: string };
    user: { sub: string; sid: string; iat: number; exp: number };
  }
}
