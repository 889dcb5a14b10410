import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, RetentionPolicyRunList } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { listAllRetentionRuns } from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'audit_log', action: 'read' } },
      schema: {
        operationId: 'listAllRetentionRuns',
        tags: ['retention'],
        response: { 200: RetentionPolicyRunList, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAllRetentionRuns({ ctx: serviceContext(app, request) }),
  );
};

export default routes;
