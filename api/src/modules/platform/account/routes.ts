import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChangePasswordBody, Me, Problem, UpdateMeBody } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import * as account from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const signedIn = { access: { authenticated: true } } as const;

  app.get(
    '/',
    {
      config: signedIn,
      schema: { operationId: 'getMe', tags: ['account'], response: { 200: Me, 401: Problem } },
    },
    async (request) => account.getMe({ ctx: ctx(request) }),
  );

  app.patch(
    '/',
    {
      config: signedIn,
      schema: {
        operationId: 'updateMe',
        tags: ['account'],
        body: UpdateMeBody,
        response: { 200: Me, 400: Problem, 401: Problem },
      },
    },
    async (request) => account.updateMe({ ctx: ctx(request), input: request.body }),
  );

  app.post(
    '/password',
    {
      config: signedIn,
      schema: {
        operationId: 'changeMyPassword',
        tags: ['account'],
        body: ChangePasswordBody,
        response: { 204: Type.Null(), 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      await account.changeMyPassword({
        ctx: ctx(request),
        input: request.body,
        config: app.config,
      });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
