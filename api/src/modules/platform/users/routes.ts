import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  CreateUserBody,
  IdParams,
  Problem,
  RevokedSessions,
  UpdateUserBody,
  User,
  UserList,
  UserListQuery,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as users from './service.js';

const denied = { 401: Problem, 403: Problem };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request);
  const deps = { argon2MemoryKib: app.config.ARGON2_MEMORY_KIB };

  app.get(
    '/',
    {
      config: { access: { resource: 'users', action: 'read' }, reads: { kind: 'user' } },
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        querystring: UserListQuery,
        response: { 200: UserList, 400: Problem, ...denied },
      },
    },
    async (request) => users.listUsers({ ctx: ctx(request), input: request.query }),
  );

  app.post(
    '/',
    {
      config: { access: { resource: 'users', action: 'create' } },
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        body: CreateUserBody,
        response: { 201: User, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.createUser({ ctx: ctx(request), input: request.body, deps })),
  );

  app.get(
    '/:id',
    {
      config: { access: { resource: 'users', action: 'read' }, reads: { kind: 'user' } },
      schema: {
        operationId: 'getUser',
        tags: ['users'],
        params: IdParams,
        response: { 200: User, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => users.getUser({ ctx: ctx(request), id: request.params.id }),
  );

  app.patch(
    '/:id',
    {
      config: { access: { resource: 'users', action: 'update' } },
      schema: {
        operationId: 'updateUser',
        tags: ['users'],
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      users.updateUser({
        ctx: ctx(request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );

  app.delete(
    '/:id/sessions',
    {
      config: { access: { resource: 'users', action: 'update' } },
      schema: {
        operationId: 'endUserSessions',
        tags: ['users'],
        params: IdParams,
        response: { 200: RevokedSessions, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => users.endUserSessions({ ctx: ctx(request), id: request.params.id }),
  );

  app.delete(
    '/:id/mfa',
    {
      config: { access: { resource: 'users', action: 'update' } },
      schema: {
        operationId: 'resetUserSecondFactor',
        tags: ['users'],
        params: IdParams,
        response: { 200: RevokedSessions, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => users.resetSecondFactor({ ctx: ctx(request), id: request.params.id }),
  );
};

export default routes;
