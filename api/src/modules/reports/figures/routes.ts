import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FigureBreakdown,
  FigureBreakdownParams,
  FigureBreakdownQuery,
  FigureCatalogue,
  FigureParams,
  FigureRecordPage,
  FigureRecordsQuery,
  FigureValues,
  FigureValuesQuery,
  Problem,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { actorOf, serviceContext } from '../../../plugins/app/auth.js';
import { breakdown, catalogue, computeValues, figureKind, readRecords } from './engine.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['figures'];
const config = { access: { resource: 'figures', action: 'read' } } as const;

/**
 * /api/figures: the catalogue, values for a period, a figure's records and its breakdowns.
 * Values and breakdowns are aggregates: every staff member and the board read them, counted on
 * `app.countingDb`. Records are read as the caller, under the scope of their kind.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config,
      schema: { operationId: 'figureCatalogue', tags, response: { 200: FigureCatalogue, ...denied } },
    },
    async (request) => {
      assertCan(actorOf(request), 'figures', 'read');
      return catalogue();
    },
  );
  app.get(
    '/values',
    {
      config,
      schema: {
        operationId: 'figureValues',
        tags,
        querystring: FigureValuesQuery,
        response: { 200: FigureValues, 400: Problem, ...denied },
      },
    },
    async (request) => {
      assertCan(actorOf(request), 'figures', 'read');
      const { from, to, cycleId, ids } = request.query;
      const wanted = ids
        ?.split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const values = await computeValues(app.countingDb, { from, to, filters: { cycleId } }, wanted);
      return { from, to, values };
    },
  );
  app.get(
    '/:id/records',
    {
      // The records behind a number name people of the figure's kind: logged with the purpose.
      config: {
        ...config,
        reads: { kind: (request) => figureKind((request.params as { id: string }).id) },
      },
      schema: {
        operationId: 'figureRecords',
        tags,
        params: FigureParams,
        querystring: FigureRecordsQuery,
        response: { 200: FigureRecordPage, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      readRecords({ ctx: serviceContext(app, request), id: request.params.id, query: request.query }),
  );
  app.get(
    '/:id/breakdown/:dimension',
    {
      config,
      schema: {
        operationId: 'figureBreakdown',
        tags,
        params: FigureBreakdownParams,
        querystring: FigureBreakdownQuery,
        response: { 200: FigureBreakdown, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => {
      assertCan(actorOf(request), 'figures', 'read');
      return breakdown({
        db: app.countingDb,
        id: request.params.id,
        dimension: request.params.dimension,
        query: request.query,
      });
    },
  );
};

export default routes;
