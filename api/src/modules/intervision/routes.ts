import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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
  RegistrationList,
  RegistrationListQuery,
  Session,
  UpdateRegistrationBody,
  UpdateSessionBody,
} from '@smes/shared';
import { serviceContext } from '../../plugins/app/auth.js';
import { listRegistrations, register, updateRegistration } from './registrations.js';
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
  app.get(
    '/groups/:id/calendar.ics',
    {
      config: access('read'),
      schema: {
        operationId: 'groupCalendar',
        tags,
        params: IdParams,
        response: { 200: Type.String(), 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) => {
      const { name, ics } = await intervision.groupCalendarFile({
        ctx: serviceContext(app, request),
        id: request.params.id,
      });
      const file = `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'intervision'}.ics`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
        .send(ics);
    },
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
  app.get(
    '/registrations',
    {
      config: access('read'),
      schema: {
        operationId: 'listRegistrations',
        tags,
        querystring: RegistrationListQuery,
        response: { 200: RegistrationList, 400: Problem, ...denied },
      },
    },
    async (request) => listRegistrations({ ctx: serviceContext(app, request), input: request.query }),
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
