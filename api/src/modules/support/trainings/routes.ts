import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateTrainingEditionBody,
  CreateTrainingModuleBody,
  CreateTrainingParticipantBody,
  IdParams,
  Problem,
  TrainingAttendanceBody,
  TrainingEdition,
  TrainingEditionList,
  TrainingEditionQuery,
  TrainingModule,
  TrainingModuleList,
  TrainingParticipant,
  TrainingSessionParams,
  UpdateTrainingEditionBody,
  UpdateTrainingModuleBody,
  UpdateTrainingParticipantBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as trainings from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['support'];
const access = (action: 'read' | 'create' | 'update') =>
  ({ access: { resource: 'support', action } }) as const;
/** An edition names its participants (people of the directory): its reads are logged with a purpose. */
const readsEdition = [
  { kind: 'support_training_edition' },
  {
    kind: 'support_training_participant',
    // A 412 answers the edition without its participants (`editionShown`): it names none of them.
    ids: (e: unknown) => ((e as Partial<TrainingEdition>).participantList ?? []).map((p) => p.id),
  },
] as const;

/** /api/support/trainings: the Support pole's training modules, editions, participants, attendance. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/modules',
    {
      config: { ...access('read'), reads: { kind: 'support_training_module' } },
      schema: {
        operationId: 'listTrainingModules',
        tags,
        response: { 200: TrainingModuleList, ...denied },
      },
    },
    async (request) => trainings.listModules({ ctx: serviceContext(app, request) }),
  );
  app.post(
    '/modules',
    {
      config: access('create'),
      schema: {
        operationId: 'createTrainingModule',
        tags,
        body: CreateTrainingModuleBody,
        response: { 201: TrainingModule, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await trainings.createModule({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/modules/:id',
    {
      config: { ...access('read'), reads: { kind: 'support_training_module' } },
      schema: {
        operationId: 'getTrainingModule',
        tags,
        params: IdParams,
        response: { 200: TrainingModule, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => trainings.getModule({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.patch(
    '/modules/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateTrainingModule',
        tags,
        params: IdParams,
        body: UpdateTrainingModuleBody,
        response: { 200: TrainingModule, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      trainings.updateModule({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.get(
    '/editions',
    {
      config: { ...access('read'), reads: { kind: 'support_training_edition' } },
      schema: {
        operationId: 'listTrainingEditions',
        tags,
        querystring: TrainingEditionQuery,
        response: { 200: TrainingEditionList, 400: Problem, ...denied },
      },
    },
    async (request) => trainings.listEditions({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.post(
    '/editions',
    {
      config: access('create'),
      schema: {
        operationId: 'createTrainingEdition',
        tags,
        body: CreateTrainingEditionBody,
        response: { 201: TrainingEdition, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await trainings.createEdition({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/editions/:id',
    {
      config: { ...access('read'), reads: readsEdition },
      schema: {
        operationId: 'getTrainingEdition',
        tags,
        params: IdParams,
        response: { 200: TrainingEdition, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => trainings.getEdition({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.patch(
    '/editions/:id',
    {
      config: { ...access('update'), reads: readsEdition },
      schema: {
        operationId: 'updateTrainingEdition',
        tags,
        params: IdParams,
        body: UpdateTrainingEditionBody,
        response: { 200: TrainingEdition, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      trainings.updateEdition({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.post(
    '/editions/:id/participants',
    {
      config: { ...access('create'), reads: { kind: 'support_training_participant' } },
      schema: {
        operationId: 'addTrainingParticipant',
        tags,
        params: IdParams,
        body: CreateTrainingParticipantBody,
        response: { 201: TrainingParticipant, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) => {
      // Status then return (not send): the access log reads the returned value before the answer leaves.
      reply.status(201);
      return trainings.addParticipant({
        ctx: serviceContext(app, request),
        editionId: request.params.id,
        input: request.body,
      });
    },
  );
  app.patch(
    '/participants/:id',
    {
      config: { ...access('update'), reads: { kind: 'support_training_participant' } },
      schema: {
        operationId: 'updateTrainingParticipant',
        tags,
        params: IdParams,
        body: UpdateTrainingParticipantBody,
        response: { 200: TrainingParticipant, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      trainings.updateParticipant({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.put(
    '/editions/:id/sessions/:sessionId/attendance',
    {
      config: { ...access('update'), reads: readsEdition },
      schema: {
        operationId: 'saveTrainingAttendance',
        tags,
        params: TrainingSessionParams,
        body: TrainingAttendanceBody,
        response: { 200: TrainingEdition, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      trainings.saveAttendance({
        ctx: serviceContext(app, request),
        editionId: request.params.id,
        sessionId: request.params.sessionId,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
