import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateMembershipBody,
  IdParams,
  MemberList,
  MemberListQuery,
  MemberStatus,
  MemberStatusQuery,
  Membership,
  Problem,
  UpdateMembershipBody,
} from '@smes/shared';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import * as members from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['membership'];
const access = (action: 'read' | 'create' | 'update') =>
  ({ access: { resource: 'membership', action } }) as const;

/** /api/members: who is a member, since when, and on which day. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: access('read'),
      schema: {
        operationId: 'listMembers',
        tags,
        querystring: MemberListQuery,
        response: { 200: MemberList, 400: Problem, ...denied },
      },
    },
    async (request) => members.listMembers({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.get(
    '/status',
    {
      config: access('read'),
      schema: {
        operationId: 'memberStatus',
        tags,
        querystring: MemberStatusQuery,
        response: { 200: MemberStatus, 400: Problem, ...denied },
      },
    },
    async (request) => members.memberStatus({ ctx: serviceContext(app, request), input: request.query }),
  );

  app.post(
    '/',
    {
      config: access('create'),
      schema: {
        operationId: 'createMembership',
        tags,
        body: CreateMembershipBody,
        response: { 201: Membership, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await members.createMembership({ ctx: serviceContext(app, request), input: request.body })),
  );

  app.patch(
    '/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateMembership',
        tags,
        params: IdParams,
        body: UpdateMembershipBody,
        response: { 200: Membership, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      members.updateMembership({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
};

export default routes;
