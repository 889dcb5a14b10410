import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSeatBody,
  IdParams,
  Problem,
  Seat,
  SeatList,
  SeatListQuery,
  UpdateSeatBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as governance from './governance.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['membership'];

/** /api/governance/seats: the general assembly and the board. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/seats',
    {
      config: { access: { resource: 'membership', action: 'read' } },
      schema: {
        operationId: 'listSeats',
        tags,
        querystring: SeatListQuery,
        response: { 200: SeatList, 400: Problem, ...denied },
      },
    },
    async (request) => governance.listSeats({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.post(
    '/seats',
    {
      config: { access: { resource: 'membership', action: 'create' } },
      schema: {
        operationId: 'createSeat',
        tags,
        body: CreateSeatBody,
        response: { 201: Seat, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.createSeat({ ctx: serviceContext(app, request), input: request.body })),
  );

  app.patch(
    '/seats/:id',
    {
      config: { access: { resource: 'membership', action: 'update' } },
      schema: {
        operationId: 'updateSeat',
        tags,
        params: IdParams,
        body: UpdateSeatBody,
        response: { 200: Seat, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      governance.updateSeat({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
