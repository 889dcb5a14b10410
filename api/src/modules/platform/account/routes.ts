import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ChangePasswordBody,
  Me,
  Problem,
  RecoveryCodes,
  TotpConfirmBody,
  TotpSetup,
  UpdateMeBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as account from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const signedIn = { access: { authenticated: true } } as const;
  /** Also open to a user who must enrol a second factor and has not yet. */
  const whileEnrolling = { ...signedIn, enrolment: true } as const;

  app.get(
    '/',
    {
      config: whileEnrolling,
      schema: { operationId: 'getMe', tags: ['account'], response: { 200: Me, 401: Problem } },
    },
    async (request) => account.getMe({ ctx: ctx(request) }),
  );

  app.patch(
    '/',
    {
      config: whileEnrolling,
      schema: {
        operationId: 'updateMe',
        tags: ['account'],
        body: UpdateMeBody,
        response: { 200: Me, 400: Problem, 401: Problem },
      },
    },
    async (request) =>
      account.updateMe({ ctx: ctx(request), ifMatch: ifMatchOf(request), input: request.body }),
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

  app.post(
    '/mfa/setup',
    {
      config: whileEnrolling,
      schema: {
        operationId: 'startTotpEnrolment',
        tags: ['account'],
        response: { 200: TotpSetup, 401: Problem, 409: Problem },
      },
    },
    async (request) => account.startTotpEnrolment({ ctx: ctx(request), config: app.config }),
  );

  app.post(
    '/mfa/confirm',
    {
      config: whileEnrolling,
      schema: {
        operationId: 'confirmTotpEnrolment',
        tags: ['account'],
        body: TotpConfirmBody,
        response: { 200: RecoveryCodes, 400: Problem, 401: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request) =>
      account.confirmTotpEnrolment({ ctx: ctx(request), input: request.body, config: app.config }),
  );
};

export default routes;
