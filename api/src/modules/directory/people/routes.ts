import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateAffiliationBody,
  AffiliationParams,
  CreatePersonBody,
  IdParams,
  MergeBody,
  MergePreview,
  MergePreviewQuery,
  MergeResult,
  Person,
  PersonDuplicateQuery,
  PersonDuplicates,
  PersonErasure,
  PersonExport,
  PersonList,
  PersonListQuery,
  Problem,
  UpdateAffiliationBody,
  UpdatePersonBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import { mergePeople, previewPersonMerge } from './merge.js';
import { erasePerson, exportPerson } from './rights.js';
import * as people from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['directory'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { access: { resource: 'people', action: 'read' } } as const;
  const update = { access: { resource: 'people', action: 'update' } } as const;

  app.get(
    '/',
    {
      config: { ...read, reads: { kind: 'person' } },
      schema: {
        operationId: 'listPeople',
        tags,
        querystring: PersonListQuery,
        response: { 200: PersonList, 400: Problem, ...denied },
      },
    },
    async (request) => people.listPeople({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.get(
    '/duplicates',
    {
      config: { ...read, reads: { kind: 'person' } },
      schema: {
        operationId: 'findPersonDuplicates',
        tags,
        querystring: PersonDuplicateQuery,
        response: { 200: PersonDuplicates, 400: Problem, ...denied },
      },
    },
    async (request) => people.findPersonDuplicates({ ctx: serviceContext(app, request), ...request.query }),
  );

  app.post(
    '/',
    {
      config: { access: { resource: 'people', action: 'create' } },
      schema: {
        operationId: 'createPerson',
        tags,
        body: CreatePersonBody,
        response: { 201: Person, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await people.createPerson({ ctx: serviceContext(app, request), input: request.body })),
  );

  app.get(
    '/:id',
    {
      config: { ...read, reads: { kind: 'person' } },
      schema: {
        operationId: 'getPerson',
        tags,
        params: IdParams,
        response: { 200: Person, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => people.getPerson({ ctx: serviceContext(app, request), id: request.params.id }),
  );

  app.patch(
    '/:id',
    {
      config: update,
      schema: {
        operationId: 'updatePerson',
        tags,
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: Person, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      people.updatePerson({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );

  app.get(
    '/:id/export',
    {
      config: {
        access: { resource: 'person_rights', action: 'export' },
        // A read like the others (decision 21): a purpose (the SPA sends data_subject_request),
        // and the access log names the person exported.
        // The export names the requests the person made to Support too (their ids, logged).
        reads: [
          { kind: 'person', ids: (payload) => [(payload as PersonExport).personId] },
          {
            kind: 'support_request',
            ids: (payload) =>
              (payload as PersonExport).records
                .filter((r) => r.kind === 'support_request')
                .flatMap((r) => r.rows.map((row) => String(row.id))),
          },
        ],
      },
      schema: {
        operationId: 'exportPerson',
        summary: 'Everything held about the person (art. 15), with the audit of changes and who saw it',
        tags,
        params: IdParams,
        response: { 200: PersonExport, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) => {
      const result = await exportPerson({ ctx: serviceContext(app, request), id: request.params.id });
      // Returned (not sent) so that the request's transaction logs the read of what it names.
      void reply.header('content-disposition', `attachment; filename="person-${result.personId}.json"`);
      return result;
    },
  );

  app.post(
    '/:id/erasure',
    {
      config: { access: { resource: 'person_rights', action: 'delete' } },
      schema: {
        operationId: 'erasePerson',
        summary:
          'Erases the person (art. 17): identity blanked everywhere, rows kept; 409 under a legal hold',
        tags,
        params: IdParams,
        response: { 200: PersonErasure, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) => erasePerson({ ctx: serviceContext(app, request), id: request.params.id }),
  );

  app.post(
    '/:id/affiliations',
    {
      config: update,
      schema: {
        operationId: 'addAffiliation',
        tags,
        params: IdParams,
        body: CreateAffiliationBody,
        response: { 201: Person, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.addAffiliation({
          ctx: serviceContext(app, request),
          personId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.patch(
    '/:id/affiliations/:affiliationId',
    {
      config: update,
      schema: {
        operationId: 'updateAffiliation',
        tags,
        params: AffiliationParams,
        body: UpdateAffiliationBody,
        response: { 200: Person, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      people.updateAffiliation({
        ctx: serviceContext(app, request),
        personId: request.params.id,
        affiliationId: request.params.affiliationId,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );

  app.get(
    '/:id/merge',
    {
      config: {
        access: { resource: 'people', action: 'delete' },
        // What the merge would move tells about both people (their Support requests, their
        // intervision registrations, counted): a read of the two (decision 21).
        reads: {
          kind: 'person',
          ids: (_preview, request) => [
            (request.params as { id: string }).id,
            (request.query as { duplicateId: string }).duplicateId,
          ],
        },
      },
      schema: {
        operationId: 'previewPersonMerge',
        tags,
        params: IdParams,
        querystring: MergePreviewQuery,
        response: { 200: MergePreview, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      previewPersonMerge({
        ctx: serviceContext(app, request),
        keepId: request.params.id,
        duplicateId: request.query.duplicateId,
      }),
  );

  app.post(
    '/:id/merge',
    {
      config: { access: { resource: 'people', action: 'delete' } },
      schema: {
        operationId: 'mergePeople',
        tags,
        params: IdParams,
        body: MergeBody,
        response: { 200: MergeResult, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      mergePeople({
        ctx: serviceContext(app, request),
        keepId: request.params.id,
        duplicateId: request.body.duplicateId,
      }),
  );
};

export default routes;
