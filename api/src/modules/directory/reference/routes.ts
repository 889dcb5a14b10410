import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateReferenceItemBody,
  Problem,
  ReferenceItem,
  ReferenceItemParams,
  ReferenceKindParams,
  ReferenceList,
  ReferenceListQuery,
  UpdateReferenceItemBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as reference from './service.js';

const denied = { 401: Problem, 403: Problem };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:kind',
    {
      config: { access: { authenticated: true } },
      schema: {
        operationId: 'listReferenceItems',
        tags: ['reference'],
        params: ReferenceKindParams,
        querystring: ReferenceListQuery,
        response: { 200: ReferenceList, 400: Problem, 401: Problem },
      },
    },
    async (request) =>
      reference.listReference(
        serviceContext(app, request),
        request.params.kind,
        request.query.includeRetired,
      ),
  );

  app.post(
    '/:kind',
    {
      config: { access: { resource: 'reference', action: 'create' } },
      schema: {
        operationId: 'createReferenceItem',
        tags: ['reference'],
        params: ReferenceKindParams,
        body: CreateReferenceItemBody,
        response: { 201: ReferenceItem, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await reference.createReferenceItem({
          ctx: serviceContext(app, request),
          kind: request.params.kind,
          input: request.body,
        }),
      ),
  );

  app.patch(
    '/:kind/:id',
    {
      config: { access: { resource: 'reference', action: 'update' } },
      schema: {
        operationId: 'updateReferenceItem',
        tags: ['reference'],
        params: ReferenceItemParams,
        body: UpdateReferenceItemBody,
        response: { 200: ReferenceItem, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      reference.updateReferenceItem({
        ctx: serviceContext(app, request),
        kind: request.params.kind,
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
