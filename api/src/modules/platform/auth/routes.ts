import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LoginBody, LoginResponse, MfaVerifyBody, Problem, SessionResponse } from '@smes/shared';
import { ForbiddenError } from '../../../errors.js';
import * as auth from './service.js';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './tokens.js';

const EmptyBody = Type.Object({}, { additionalProperties: false });
/** Refresh and logout need no body: a client that sends none (curl, scripts) reads as `{}`. */
const noBodyIsEmpty = async (request: FastifyRequest) => {
  request.body ??= {};
};

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Sign-in, refresh and sign-out only ever come from our own pages: a browser that says the
  // request comes from another site is refused (clients that send no such header are not).
  app.addHook('onRequest', async (request) => {
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new ForbiddenError('Cross-site requests to the sign-in endpoints are refused');
    }
  });

  const deps = (): auth.AuthDeps => ({ db: app.database.db, config: app.config, sign: app.jwt.sign });

  /** The refresh token only ever travels in this cookie: HttpOnly, Secure, SameSite=Strict. */
  function setRefreshCookie(reply: FastifyReply, issued: auth.Issued) {
    void reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      secure: app.config.COOKIE_SECURE,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: issued.refreshExpiresAt,
    });
  }
  const clearRefreshCookie = (reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      secure: app.config.COOKIE_SECURE,
      sameSite: 'strict',
    });

  app.post(
    '/login',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const result = await auth.login(deps(), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      // An account with a second factor gets a challenge, not a session: see /mfa.
      if ('mfaRequired' in result) return result;
      setRefreshCookie(reply, result);
      return { accessToken: result.accessToken, expiresIn: result.expiresIn, user: result.user };
    },
  );

  app.post(
    '/mfa',
    {
      config: { access: { public: true } },
      schema: {
        operationId: 'verifySecondFactor',
        tags: ['auth'],
        security: [],
        body: MfaVerifyBody,
        response: { 200: SessionResponse, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const issued = await auth.verifyMfa(deps(), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setRefreshCookie(reply, issued);
      return { accessToken: issued.accessToken, expiresIn: issued.expiresIn, user: issued.user };
    },
  );

  app.post(
    '/refresh',
    {
      config: { access: { public: true } },
      preValidation: noBodyIsEmpty,
      schema: {
        operationId: 'refreshSession',
        tags: ['auth'],
        security: [],
        body: EmptyBody,
        response: { 200: SessionResponse, 401: Problem },
      },
    },
    async (request, reply) => {
      try {
        const issued = await auth.refresh(deps(), request.cookies[REFRESH_COOKIE], {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setRefreshCookie(reply, issued);
        return { accessToken: issued.accessToken, expiresIn: issued.expiresIn, user: issued.user };
      } catch (error) {
        clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      config: { access: { public: true } },
      preValidation: noBodyIsEmpty,
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        security: [],
        body: EmptyBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      let sessionId: string | undefined;
      try {
        sessionId = (await request.jwtVerify<{ sub: string; sid: string }>()).sid;
      } catch {
        // Signing out needs no valid access token: the cookie alone identifies the session.
      }
      await auth.logout(
        deps(),
        { refreshToken: request.cookies[REFRESH_COOKIE], sessionId },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      clearRefreshCookie(reply);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
