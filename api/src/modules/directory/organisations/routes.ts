import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateOrganisationBody,
  DuplicateQuery,
  IdParams,
  MergeBody,
  MergePreview,
  MergePreviewQuery,
  MergeResult,
  Organisation,
  OrganisationDuplicates,
  OrganisationList,
  OrganisationListQuery,
  Problem,
  UpdateOrganisationBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import { mergeOrganisations, previewOrganisationMerge } from './merge.js';
import * as organisations from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['directory'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'organisations', action: 'read' } },
      schema: {
        operationId: 'listOrganisations',
        tags,
        querystring: OrganisationListQuery,
        response: { 200: OrganisationList, 400: Problem, ...denied },
      },
    },
    async (request) =>
      organisations.listOrganisations({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.get(
    '/duplicates',
    {
      config: { access: { resource: 'organisations', action: 'read' } },
      schema: {
        operationId: 'findOrganisationDuplicates',
        tags,
        querystring: DuplicateQuery,
        response: { 200: OrganisationDuplicates, 400: Problem, ...denied },
      },
    },
    async (request) =>
      organisations.findOrganisationDuplicates({
        ctx: serviceContext(app, request),
        name: request.query.name,
        otherName: request.query.otherName,
        excludeId: request.query.excludeId,
      }),
  );

  app.post(
    '/',
    {
      config: { access: { resource: 'organisations', action: 'create' } },
      schema: {
        operationId: 'createOrganisation',
        tags,
        body: CreateOrganisationBody,
        response: { 201: Organisation, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await organisations.createOrganisation({ ctx: serviceContext(app, request), input: request.body }),
        ),
  );

  app.get(
    '/:id',
    {
      config: { access: { resource: 'organisations', action: 'read' } },
      schema: {
        operationId: 'getOrganisation',
        tags,
        params: IdParams,
        response: { 200: Organisation, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      organisations.getOrganisation({ ctx: serviceContext(app, request), id: request.params.id }),
  );

  app.patch(
    '/:id',
    {
      config: { access: { resource: 'organisations', action: 'update' } },
      schema: {
        operationId: 'updateOrganisation',
        tags,
        params: IdParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      organisations.updateOrganisation({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );

  app.get(
    '/:id/merge',
    {
      config: { access: { resource: 'organisations', action: 'delete' } },
      schema: {
        operationId: 'previewOrganisationMerge',
        tags,
        params: IdParams,
        querystring: MergePreviewQuery,
        response: { 200: MergePreview, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      previewOrganisationMerge({
        ctx: serviceContext(app, request),
        keepId: request.params.id,
        duplicateId: request.query.duplicateId,
      }),
  );

  app.post(
    '/:id/merge',
    {
      config: { access: { resource: 'organisations', action: 'delete' } },
      schema: {
        operationId: 'mergeOrganisations',
        tags,
        params: IdParams,
        body: MergeBody,
        response: { 200: MergeResult, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      mergeOrganisations({
        ctx: serviceContext(app, request),
        keepId: request.params.id,
        duplicateId: request.body.duplicateId,
      }),
  );
};

export default routes;
