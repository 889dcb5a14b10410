import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  AttendanceBody,
  CreateCycleBody,
  CreateGroupBody,
  CreateRegistrationBody,
  CreateSessionBody,
  Cycle,
  CycleList,
  CycleSchedule,
  GeneratedSessions,
  GenerateSessionsBody,
  Group,
  GroupDetail,
  GroupList,
  GroupListQuery,
  IdParams,
  Problem,
  Registration,
  RegistrationList,
  RegistrationListQuery,
  RetentionRun,
  RetentionRunList,
  Session,
  UpdateCycleBody,
  UpdateGroupBody,
  UpdateRegistrationBody,
  UpdateSessionBody,
} from '@smes/shared';
import { nameInFile, namedInFile } from '../../../access/reads.js';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import { listRegistrations, register, updateRegistration } from './registrations.js';
import { listRetentionRuns, runRetentionNow } from './retention.js';
import * as intervision from './service.js';
import { createSession, generateSessions, setAttendance, updateSession } from './sessions.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['intervision'];
const access = (action: 'read' | 'create' | 'update' | 'delete') =>
  ({ access: { resource: 'intervision', action } }) as const;

/**
 * A session's answer names who was present: its attendance, registrations (decision 21). A write
 * that answers it is a read too, as Support's (a purpose, one access-log row).
 */
const sessionReads = {
  kind: 'intervision_registration',
  ids: (session: unknown) => (session as Session).attendance,
} as const;

/**
 * The directory people an answer names (decision 21, amended by the `sec` session): a group's
 * facilitators and its participants. People are a sensitive kind: each answer naming them writes
 * one access-log row of kind `person`. Every staff pole reads people in its scope, so they do not
 * take break-the-glass away from a coordinator of another pole (`admitReads`).
 */
const facilitatorIds = (groups: readonly Group[]) => groups.flatMap((g) => g.facilitators.map((f) => f.id));
const participantIds = (registrations: readonly Registration[]) =>
  registrations.flatMap((r) => (r.person ? [r.person.id] : []));
const groupPeople = {
  kind: 'person',
  ids: (group: unknown) => facilitatorIds([group as Group]),
} as const;
const registrationPeople = {
  kind: 'person',
  ids: (registration: unknown) => participantIds([registration as Registration]),
} as const;

/**
 * Answers an `.ics`: the headers set, the text returned (not sent here), so that the request's
 * transaction writes the file's access log before the answer leaves (decision 21).
 */
function calendar(reply: FastifyReply, name: string, ics: string): string {
  const file = `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'intervision'}.ics`;
  void reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`);
  return ics;
}

/** /api/intervision: cycles, groups, sessions and registrations (Connect). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cycles',
    {
      config: access('read'),
      schema: { operationId: 'listCycles', tags, response: { 200: CycleList, ...denied } },
    },
    async (request) => intervision.listCycles({ ctx: serviceContext(app, request) }),
  );
  app.post(
    '/cycles',
    {
      config: access('create'),
      schema: {
        operationId: 'createCycle',
        tags,
        body: CreateCycleBody,
        response: { 201: Cycle, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await intervision.createCycle({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.patch(
    '/cycles/:id',
    {
      config: access('update'),
      schema: {
        operationId: 'updateCycle',
        tags,
        params: IdParams,
        body: UpdateCycleBody,
        response: { 200: Cycle, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      intervision.updateCycle({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.post(
    '/groups',
    {
      config: { ...access('create'), reads: groupPeople },
      schema: {
        operationId: 'createGroup',
        tags,
        body: CreateGroupBody,
        response: { 201: Group, 400: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await intervision.createGroup({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/groups/:id',
    {
      config: {
        ...access('read'),
        reads: [
          {
            kind: 'intervision_registration',
            ids: (group) => (group as GroupDetail).registrations.map((r) => r.id),
          },
          {
            kind: 'person',
            ids: (answer) => {
              const { group, registrations } = answer as GroupDetail;
              return [...facilitatorIds([group]), ...participantIds(registrations)];
            },
          },
        ],
      },
      schema: {
        operationId: 'getGroup',
        tags,
        params: IdParams,
        response: { 200: GroupDetail, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => intervision.getGroup({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.patch(
    '/groups/:id',
    {
      config: { ...access('update'), reads: groupPeople },
      schema: {
        operationId: 'updateGroup',
        tags,
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: Group, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      intervision.updateGroup({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.get(
    '/groups/:id/calendar.ics',
    {
      config: access('read'),
      schema: {
        operationId: 'groupCalendar',
        tags,
        params: IdParams,
        response: { 200: Type.String(), 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) => {
      const { name, ics } = await intervision.groupCalendarFile({
        ctx: serviceContext(app, request),
        id: request.params.id,
      });
      return calendar(reply, name, ics);
    },
  );
  app.post(
    '/sessions',
    {
      config: access('create'),
      schema: {
        operationId: 'createSession',
        tags,
        body: CreateSessionBody,
        response: { 201: Session, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSession({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.patch(
    '/sessions/:id',
    {
      config: { ...access('update'), reads: sessionReads },
      schema: {
        operationId: 'updateSession',
        tags,
        params: IdParams,
        body: UpdateSessionBody,
        response: { 200: Session, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      updateSession({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.post(
    '/registrations',
    {
      config: { ...access('create'), reads: registrationPeople },
      schema: {
        operationId: 'createRegistration',
        tags,
        body: CreateRegistrationBody,
        response: { 201: Registration, 400: Problem, 409: Problem, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await register({ ctx: serviceContext(app, request), input: request.body })),
  );
  app.get(
    '/registrations',
    {
      config: {
        ...access('read'),
        reads: [
          { kind: 'intervision_registration' },
          { kind: 'person', ids: (list) => participantIds((list as RegistrationList).items) },
        ],
      },
      schema: {
        operationId: 'listRegistrations',
        tags,
        querystring: RegistrationListQuery,
        response: { 200: RegistrationList, 400: Problem, ...denied },
      },
    },
    async (request) => listRegistrations({ ctx: serviceContext(app, request), input: request.query }),
  );
  app.patch(
    '/registrations/:id',
    {
      config: { ...access('update'), reads: registrationPeople },
      schema: {
        operationId: 'updateRegistration',
        tags,
        params: IdParams,
        body: UpdateRegistrationBody,
        response: { 200: Registration, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      updateRegistration({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.get(
    '/cycles/:id',
    {
      config: access('read'),
      schema: {
        operationId: 'getCycle',
        tags,
        params: IdParams,
        response: { 200: Cycle, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) => intervision.getCycle({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.get(
    '/cycles/:id/schedule',
    {
      config: {
        ...access('read'),
        // Who was present at each session, and the groups' facilitators (decision 21).
        reads: [
          {
            kind: 'intervision_registration',
            ids: (schedule) =>
              (schedule as CycleSchedule).groups.flatMap((g) => g.sessions.flatMap((x) => x.attendance)),
          },
          {
            kind: 'person',
            ids: (schedule) => facilitatorIds((schedule as CycleSchedule).groups.map((g) => g.group)),
          },
        ],
      },
      schema: {
        operationId: 'cycleSchedule',
        tags,
        params: IdParams,
        response: { 200: CycleSchedule, 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request) =>
      intervision.cycleSchedule({ ctx: serviceContext(app, request), id: request.params.id }),
  );
  app.get(
    '/groups',
    {
      config: {
        ...access('read'),
        reads: { kind: 'person', ids: (list) => facilitatorIds((list as GroupList).items) },
      },
      schema: {
        operationId: 'listGroups',
        tags,
        querystring: GroupListQuery,
        response: { 200: GroupList, 400: Problem, ...denied },
      },
    },
    async (request) =>
      intervision.listGroups({ ctx: serviceContext(app, request), cycleId: request.query.cycleId }),
  );
  app.post(
    '/groups/:id/sessions/generate',
    {
      config: {
        ...access('create'),
        notACreate: 'makes the dates of the rule that have no session yet: sent again, it finds them made',
      },
      schema: {
        operationId: 'generateSessions',
        tags,
        params: IdParams,
        body: GenerateSessionsBody,
        response: {
          200: GeneratedSessions,
          201: GeneratedSessions,
          400: Problem,
          404: Problem,
          409: Problem,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const result = await generateSessions({
        ctx: serviceContext(app, request),
        groupId: request.params.id,
        input: request.body,
      });
      return reply.status(request.body.dryRun ? 200 : 201).send(result);
    },
  );
  app.put(
    '/sessions/:id/attendance',
    {
      config: { ...access('update'), reads: sessionReads },
      schema: {
        operationId: 'setAttendance',
        tags,
        params: IdParams,
        body: AttendanceBody,
        response: { 200: Session, 400: Problem, 404: Problem, 409: Problem, ...denied },
      },
    },
    async (request) =>
      setAttendance({
        ctx: serviceContext(app, request),
        id: request.params.id,
        ifMatch: ifMatchOf(request),
        input: request.body,
      }),
  );
  app.get(
    '/registrations/:id/calendar.ics',
    {
      config: {
        ...access('read'),
        // The file names the person and the groups they take part in (decision 21).
        reads: [
          { kind: 'person', ids: namedInFile('person') },
          { kind: 'intervision_registration', ids: namedInFile('intervision_registration') },
        ],
      },
      schema: {
        operationId: 'participantCalendar',
        tags,
        params: IdParams,
        response: { 200: Type.String(), 400: Problem, 404: Problem, ...denied },
      },
    },
    async (request, reply) => {
      const { name, ics, names } = await intervision.participantCalendarFile({
        ctx: serviceContext(app, request),
        id: request.params.id,
      });
      nameInFile(request, 'person', names.person);
      nameInFile(request, 'intervision_registration', names.registrations);
      return calendar(reply, name, ics);
    },
  );
  app.get(
    '/retention-runs',
    {
      config: access('read'),
      schema: { operationId: 'listRetentionRuns', tags, response: { 200: RetentionRunList, ...denied } },
    },
    async (request) => listRetentionRuns({ ctx: serviceContext(app, request) }),
  );
  app.post(
    '/retention-runs',
    {
      config: {
        ...access('delete'),
        notACreate: 'a pass of the retention: sent again, it removes what is left to remove (nothing)',
      },
      schema: { operationId: 'runRetention', tags, response: { 201: RetentionRun, ...denied } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runRetentionNow({ ctx: serviceContext(app, request), config: app.config })),
  );
};

export default routes;
