import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MoneyLineList, MoneyLineQuery, Problem } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { listMoneyLines } from './service.js';

/** /api/money-lines: every module's money lines for a period (what the accounting export gathers). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'accounting', action: 'read' } },
      schema: {
        operationId: 'listMoneyLines',
        tags: ['accounting'],
        querystring: MoneyLineQuery,
        response: { 200: MoneyLineList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listMoneyLines({ ctx: serviceContext(app, request), input: request.query }),
  );
};

export default routes;
