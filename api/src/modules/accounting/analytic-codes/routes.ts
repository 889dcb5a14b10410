import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AnalyticCode,
  AnalyticCodeList,
  AnalyticCodeParams,
  Problem,
  UpdateAnalyticCodeBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import { listAnalyticCodes, updateAnalyticCode } from './service.js';

/**
 * /api/analytic-codes: the analytic code each source of money lines is booked on (decision 23),
 * read and set by the accountant and administrators.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { resource: 'accounting', action: 'read' } },
      schema: {
        operationId: 'listAnalyticCodes',
        tags: ['accounting'],
        response: { 200: AnalyticCodeList, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAnalyticCodes(serviceContext(app, request)),
  );

  app.put(
    '/:id',
    {
      config: { access: { resource: 'accounting', action: 'update' } },
      schema: {
        operationId: 'updateAnalyticCode',
        tags: ['accounting'],
        params: AnalyticCodeParams,
        body: UpdateAnalyticCodeBody,
        response: { 200: AnalyticCode, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) =>
      updateAnalyticCode({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
