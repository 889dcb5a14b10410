import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateDuesBody,
  DuesLine,
  DuesList,
  DuesListQuery,
  GeneratedDues,
  GenerateDuesBody,
  IdParams,
  Problem,
  UpdateDuesBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as dues from './dues.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['membership'];

/** /api/dues: what each member owes per year, and who has paid. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'dues', action: 'read' } },
      schema: {
        operationId: 'listDues',
        tags,
        querystring: DuesListQuery,
        response: { 200: DuesList, 400: Problem, ...denied },
      },
    },
    async (request) => dues.listDues({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.post(
    '/',
    {
      config: { access: { resource: 'dues', action: 'create' } },
      schema: {
        operationId: 'createDues',
        tags,
        body: CreateDuesBody,
        response: { 201: DuesLine, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await dues.createDues({ ctx: serviceContext(app, request), input: request.body })),
  );

  app.post(
    '/generate',
    {
      config: { access: { resource: 'dues', action: 'create' } },
      schema: {
        operationId: 'generateDues',
        tags,
        body: GenerateDuesBody,
        response: { 200: GeneratedDues, 400: Problem, ...denied },
      },
    },
    async (request) => dues.generateDues({ ctx: serviceContext(app, request), input: request.body }),
  );

  app.patch(
    '/:id',
    {
      config: { access: { resource: 'dues', action: 'update' } },
      schema: {
        operationId: 'updateDues',
        tags,
        params: IdParams,
        body: UpdateDuesBody,
        response: { 200: DuesLine, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      dues.updateDues({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
