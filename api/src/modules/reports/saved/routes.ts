import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSavedReportBody,
  IdParams,
  Problem,
  SavedReport,
  SavedReportChanges,
  SavedReportList,
  SavedReportListQuery,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { countingDb, engineSource } from './engine-source.js';
import * as reports from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['reports'];
const access = (action: 'read' | 'create') => ({ access: { resource: 'reports', action } }) as const;

/** /api/reports: reports saved as they were sent to a funder (decision 10). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: access('read'),
      schema: {
        operationId: 'listSavedReports',
        tags,
        querystring: SavedReportListQuery,
        response: { 200: SavedReportList, 400: Problem, ...denied },
      },
    },
    async (request) => reports.listReports({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.post(
    '/',
    {
      config: access('create'),
      schema: {
        operationId: 'saveReport',
        tags,
        body: CreateSavedReportBody,
        response: { 201: SavedReport, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await reports.saveReport({
          ctx: serviceContext(app, request),
          input: request.body,
          source: engineSource,
          countingDb: countingDb(app),
        }),
      ),
  );
  app.get(
    '/:id',
    {
      config: access('read'),
      schema: {
        operationId: 'getSavedReport',
        tags,
        params: IdParams,
        response: { 200: SavedReport, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => reports.getReport({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.get(
    '/:id/changes',
    {
      config: access('read'),
      schema: {
        operationId: 'getSavedReportChanges',
        tags,
        params: IdParams,
        response: { 200: SavedReportChanges, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      reports.reportChanges({
        ctx: serviceContext(app, request),
        id: request.params.id,
        source: engineSource,
        countingDb: countingDb(app),
      }),
  );
};

export default routes;
