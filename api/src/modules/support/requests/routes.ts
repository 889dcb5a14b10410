import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSupportInterventionBody,
  CreateSupportRequestBody,
  IdParams,
  Problem,
  SupportBoard,
  SupportBoardQuery,
  SupportCloseBody,
  SupportDiscussionBody,
  SupportFirstAnswerBody,
  SupportInterventionParams,
  SupportPersonList,
  SupportPersonQuery,
  SupportReopenBody,
  SupportRequest,
  SupportRequestList,
  SupportRequestQuery,
  SupportStaffList,
  UpdateSupportInterventionBody,
  UpdateSupportRequestBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as requests from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['support'];
const access = (action: 'read' | 'create' | 'update') =>
  ({ access: { resource: 'support', action } }) as const;
/**
 * Reading a request shows its person concerned too: both are logged with the purpose. Its
 * writes answer the whole request too, so they are reads as well (a purpose, a log row).
 */
const readsRequest = [
  { kind: 'support_request' },
  // A 412 answers the request's summary, which names its person by `personId`.
  {
    kind: 'support_person',
    ids: (r: unknown) => [(r as SupportRequest).person?.id ?? (r as { personId: string }).personId],
  },
] as const;
const boardItems = (payload: unknown) => {
  const b = payload as SupportBoard;
  return [...b.today, ...b.thisWeek, ...b.overdue, ...b.answered];
};
/** A list or the board names each request's person concerned (by code): both kinds are logged. */
const readsBoard = [
  { kind: 'support_request', ids: (p: unknown) => boardItems(p).map((r) => r.id) },
  { kind: 'support_person', ids: (p: unknown) => boardItems(p).map((r) => r.personId) },
] as const;
const readsList = [
  { kind: 'support_request' },
  { kind: 'support_person', ids: (p: unknown) => (p as SupportRequestList).items.map((r) => r.personId) },
] as const;

/** /api/support: the Support pole's requests, their persons concerned, the due board (issue 15). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/requests',
    {
      config: { ...access('read'), reads: readsList },
      schema: {
        operationId: 'listSupportRequests',
        tags,
        querystring: SupportRequestQuery,
        response: { 200: SupportRequestList, 400: Problem, ...denied },
      },
    },
    async (request) => requests.listRequests({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.post(
    '/requests',
    {
      config: access('create'),
      schema: {
        operationId: 'createSupportRequest',
        tags,
        body: CreateSupportRequestBody,
        response: { 201: SupportRequest, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requests.createRequest({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/requests/:id',
    {
      config: { ...access('read'), reads: readsRequest },
      schema: {
        operationId: 'getSupportRequest',
        tags,
        params: IdParams,
        response: { 200: SupportRequest, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => requests.getRequest({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.patch(
    '/requests/:id',
    {
      config: { ...access('update'), reads: readsRequest },
      schema: {
        operationId: 'updateSupportRequest',
        tags,
        params: IdParams,
        body: UpdateSupportRequestBody,
        response: { 200: SupportRequest, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      requests.updateRequest({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  const stepRoute = <
    B extends
      | typeof SupportFirstAnswerBody
      | typeof SupportDiscussionBody
      | typeof SupportCloseBody
      | typeof SupportReopenBody,
  >(
    path: string,
    operationId: string,
    body: B,
    run: (args: {
      ctx: ReturnType<typeof serviceContext>;
      id: string;
      input: never;
    }) => Promise<SupportRequest>,
  ) =>
    app.post(
      `/requests/:id/${path}`,
      {
        config: { ...access('update'), reads: readsRequest },
        schema: {
          operationId,
          tags,
          params: IdParams,
          body,
          response: { 200: SupportRequest, 400: Problem, 404: Problem, 409: Problem, ...denied },
        },
      },
      async (request) =>
        run({ ctx: serviceContext(app, request), id: request.params.id, input: request.body as never }),
    );
  stepRoute('first-answer', 'recordSupportFirstAnswer', SupportFirstAnswerBody, requests.recordFirstAnswer);
  stepRoute('discussion', 'recordSupportDiscussion', SupportDiscussionBody, requests.recordDiscussion);
  stepRoute('close', 'closeSupportRequest', SupportCloseBody, requests.closeRequest);
  stepRoute('reopen', 'reopenSupportRequest', SupportReopenBody, requests.reopenRequest);
  app.post(
    '/requests/:id/interventions',
    {
      config: { ...access('update'), reads: readsRequest },
      schema: {
        operationId: 'addSupportIntervention',
        tags,
        params: IdParams,
        body: CreateSupportInterventionBody,
        response: { 201: SupportRequest, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) => {
      // Status then return (not send): the access log reads the returned value before the answer leaves.
      reply.status(201);
      return requests.addIntervention({
        ctx: serviceContext(app, request),
        id: request.params.id,
        input: request.body,
      });
    },
  );
  app.patch(
    '/requests/:id/interventions/:interventionId',
    {
      config: { ...access('update'), reads: readsRequest },
      schema: {
        operationId: 'updateSupportIntervention',
        tags,
        params: SupportInterventionParams,
        body: UpdateSupportInterventionBody,
        response: { 200: SupportRequest, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      requests.updateIntervention({
        ctx: serviceContext(app, request),
        id: request.params.id,
        interventionId: request.params.interventionId,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.get(
    '/board',
    {
      config: { ...access('read'), reads: readsBoard },
      schema: {
        operationId: 'getSupportBoard',
        tags,
        querystring: SupportBoardQuery,
        response: { 200: SupportBoard, 400: Problem, ...denied },
      },
    },
    async (request) => requests.board({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.get(
    '/persons',
    {
      config: { ...access('read'), reads: { kind: 'support_person' } },
      schema: {
        operationId: 'searchSupportPersons',
        tags,
        querystring: SupportPersonQuery,
        response: { 200: SupportPersonList, 400: Problem, ...denied },
      },
    },
    async (request) => requests.searchPersons({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.get(
    '/staff',
    {
      // Staff are people too: the list of the team's accounts is logged as users read (decision 21).
      config: { ...access('read'), reads: { kind: 'user' } },
      schema: {
        operationId: 'listSupportStaff',
        tags,
        response: { 200: SupportStaffList, ...denied },
      },
    },
    async (request) => requests.listStaff({ ctx: serviceContext(app, request) }),
  );
};

export default routes;
