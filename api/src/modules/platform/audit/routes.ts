import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, Problem } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { listAudit } from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'audit_log', action: 'read' } },
      schema: {
        operationId: 'listAudit',
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAudit({ ctx: serviceContext(app, request), input: request.query }),
  );
};

export default routes;
