import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccessLogList, AccessLogQuery, Problem } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { listAccessLogEntries } from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'audit_log', action: 'read' } },
      schema: {
        operationId: 'listAccessLog',
        tags: ['audit'],
        description:
          'Who read which sensitive records, when and why (ids only). `kind` + `recordId`: who has seen a record; `flagged=true`: reads that broke the glass.',
        querystring: AccessLogQuery,
        response: { 200: AccessLogList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAccessLogEntries({ ctx: serviceContext(app, request), input: request.query }),
  );
};

export default routes;
