import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HomeToDo, Problem } from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { homeToDo } from './service.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: { authenticated: true } },
      schema: {
        operationId: 'getHome',
        tags: ['home'],
        summary: 'What the signed-in person has to do, under their access and scope',
        response: { 200: HomeToDo, 401: Problem, 403: Problem },
      },
    },
    async (request) => homeToDo({ ctx: serviceContext(app, request) }),
  );
};

export default routes;
