import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '@smes/shared';
import { nameInFile, namedInFile } from '../../../access/reads.js';
import { serviceContext } from '../../../plugins/app/auth.js';
import { myCalendarFile } from './service.js';

/** /api/support/calendar.ics: the signed-in Support worker's interventions and supervision sessions. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar.ics',
    {
      config: {
        access: { resource: 'support', action: 'read' },
        // The events name persons concerned by their code: a read with a purpose, logged.
        reads: [
          { kind: 'support_request', ids: namedInFile('support_request') },
          { kind: 'support_person', ids: namedInFile('support_person') },
        ],
      },
      schema: {
        operationId: 'mySupportCalendar',
        tags: ['support'],
        response: { 200: Type.String(), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const file = await myCalendarFile({ ctx: serviceContext(app, request) });
      nameInFile(request, 'support_request', file.requestIds);
      nameInFile(request, 'support_person', file.personIds);
      // Returned, not sent: the access log is written in the request's transaction first.
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="smes-support.ics"');
      return file.ics;
    },
  );
};

export default routes;
