import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateCycleBody,
  CreateGroupBody,
  CreateRegistrationBody,
  CreateSessionBody,
  Cycle,
  CycleList,
  Group,
  GroupDetail,
  IdParams,
  Problem,
  Registration,
  Session,
  UpdateRegistrationBody,
  UpdateSessionBody,
} from '@smes/shared';
import { serviceContext } from '../../plugins/app/auth.js';
import { register, updateRegistration } from './registrations.js';
import * as intervision from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['intervision'];
const access = (action: 'read' | 'create' | 'update') =>
  ({ access: { resource: 'intervision', action } }) as const;

/** /api/intervision: cycles, groups, sessions and registrations (Connect). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cycles',
    {
      config: access('read'),
      schema: { operationId: 'listCycles', tags, response: { 200: CycleList, ...denied } },
    },
    async (request) => intervision.listCycles({ ctx: serviceContext(app, request) }),
  );
  app.post(
    '/cycles',
    {
      config: access('create'),
      schema: {
        operationId: 'createCycle',
        tags,
        body: CreateCycleBody,
        response: { 201: Cycle, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await intervision.createCycle({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.post(
    '/groups',
    {
      config: access('create'),
      schema: {
        operationId: 'createGroup',
        tags,
        body: CreateGroupBody,
        response: { 201: Group, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await intervision.createGroup({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/groups/:id',
    {
      config: access('read'),
      schema: {
        operationId: 'getGroup',
        tags,
        params: IdParams,
        response: { 200: GroupDetail, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => intervision.getGroup({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.post(
    '/sessions',
    {
      config: access('create'),
      schema: {
        operationId: 'createSession',
        tags,
        body: CreateSessionBody,
        response: { 201: Session, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await intervision.createSession({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.patch(
    '/sessions/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateSession',
        tags,
        params: IdParams,
        body: UpdateSessionBody,
        response: { 200: Session, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      intervision.updateSession({
        ctx: serviceContext(app, request),
        id: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/registrations',
    {
      config: access('create'),
      schema: {
        operationId: 'createRegistration',
        tags,
        body: CreateRegistrationBody,
        response: { 201: Registration, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await register({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.patch(
    '/registrations/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateRegistration',
        tags,
        params: IdParams,
        body: UpdateRegistrationBody,
        response: { 200: Registration, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      updateRegistration({ ctx: serviceContext(app, request), id: request.params.id, input: request.body }),
  );
};

export default routes;
