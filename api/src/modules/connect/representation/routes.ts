import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateRepresentationMeetingBody,
  IdParams,
  Problem,
  RepresentationMeeting,
  RepresentationMeetingList,
  RepresentationMeetingQuery,
  UpdateRepresentationMeetingBody,
} from '@smes/shared';
import { Type } from 'typebox';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as meetings from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['representation'];
const access = (action: 'read' | 'create' | 'update' | 'delete') =>
  ({ access: { resource: 'representation', action } }) as const;

/** /api/representation-meetings: the log of representation and concertation meetings (Connect). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: access('read'),
      schema: {
        operationId: 'listRepresentationMeetings',
        tags,
        querystring: RepresentationMeetingQuery,
        response: { 200: RepresentationMeetingList, 400: Problem, ...denied },
      },
    },
    async (request) => meetings.listMeetings({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.post(
    '/',
    {
      config: access('create'),
      schema: {
        operationId: 'createRepresentationMeeting',
        tags,
        body: CreateRepresentationMeetingBody,
        response: { 201: RepresentationMeeting, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await meetings.createMeeting({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.patch(
    '/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateRepresentationMeeting',
        tags,
        params: IdParams,
        body: UpdateRepresentationMeetingBody,
        response: { 200: RepresentationMeeting, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      meetings.updateMeeting({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.delete(
    '/:id',
    {
      config: access('delete'),
      schema: {
        operationId: 'deleteRepresentationMeeting',
        tags,
        params: IdParams,
        response: { 204: Type.Null(), 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) => {
      await meetings.deleteMeeting({ ctx: serviceContext(app, request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
