import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSupervisionBody,
  CreateSupervisionSessionBody,
  IdParams,
  Problem,
  Supervision,
  SupervisionList,
  SupervisionQuery,
  SupervisionSession,
  UpdateSupervisionBody,
  UpdateSupervisionSessionBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as supervisions from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['support'];
const access = (action: 'read' | 'create' | 'update') =>
  ({ access: { resource: 'support', action } }) as const;
/** Not sensitive (teams, not people): declared so that a read breaking the glass is admitted and logged. */
const reads = { kind: 'support_supervision' } as const;
const readsWithSessions = [
  { kind: 'support_supervision' },
  {
    kind: 'support_supervision_session',
    // A 412 may answer the supervision without its sessions: it names none of them then.
    ids: (p: unknown) => ((p as Partial<Supervision>).sessions ?? []).map((s) => s.id),
  },
] as const;

/** /api/support/supervisions: the teams Support supervises, their agreements and sessions (issue 15). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { ...access('read'), reads },
      schema: {
        operationId: 'listSupervisions',
        tags,
        querystring: SupervisionQuery,
        response: { 200: SupervisionList, 400: Problem, ...denied },
      },
    },
    async (request) =>
      supervisions.listSupervisions({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.post(
    '/',
    {
      config: access('create'),
      schema: {
        operationId: 'createSupervision',
        tags,
        body: CreateSupervisionBody,
        response: { 201: Supervision, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await supervisions.createSupervision({ ctx: serviceContext(app, request), input: request.body }),
        ),
  );
  app.get(
    '/:id',
    {
      config: { ...access('read'), reads: readsWithSessions },
      schema: {
        operationId: 'getSupervision',
        tags,
        params: IdParams,
        response: { 200: Supervision, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      supervisions.getSupervision({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.patch(
    '/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateSupervision',
        tags,
        params: IdParams,
        body: UpdateSupervisionBody,
        response: { 200: Supervision, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      supervisions.updateSupervision({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.post(
    '/:id/sessions',
    {
      config: access('update'),
      schema: {
        operationId: 'addSupervisionSession',
        tags,
        params: IdParams,
        body: CreateSupervisionSessionBody,
        response: { 201: SupervisionSession, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await supervisions.addSession({
          ctx: serviceContext(app, request),
          id: request.params.id,
          input: request.body,
        }),
      ),
  );
  app.patch(
    '/sessions/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateSupervisionSession',
        tags,
        params: IdParams,
        body: UpdateSupervisionSessionBody,
        response: { 200: SupervisionSession, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      supervisions.updateSession({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
