import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { logSerializers } from './lib/log-serializers.js';
import accountRoutes from './modules/platform/account/routes.js';
import accessLogRoutes from './modules/platform/access-log/routes.js';
import auditRoutes from './modules/platform/audit/routes.js';
import authRoutes from './modules/platform/auth/routes.js';
import healthRoutes from './modules/platform/health/routes.js';
import homeRoutes from './modules/platform/home/routes.js';
import usersRoutes from './modules/platform/users/routes.js';
import organisationsRoutes from './modules/directory/organisations/routes.js';
import peopleRoutes from './modules/directory/people/routes.js';
import duesRoutes from './modules/association/membership/dues-routes.js';
import governanceRoutes from './modules/association/membership/governance-routes.js';
import membersRoutes from './modules/association/membership/routes.js';
import importsRoutes from './modules/platform/imports/routes.js';
import intervisionRoutes from './modules/connect/intervision/routes.js';
import representationRoutes from './modules/connect/representation/routes.js';
import supportCalendarRoutes from './modules/support/calendar/routes.js';
import supportRequestsRoutes from './modules/support/requests/routes.js';
import supervisionsRoutes from './modules/support/supervisions/routes.js';
import supportTrainingsRoutes from './modules/support/trainings/routes.js';
import figuresRoutes from './modules/reports/figures/routes.js';
import retentionRoutes from './modules/platform/retention/routes.js';
import retentionSchedule from './modules/platform/retention/schedule.js';
import moneyLinesRoutes from './modules/accounting/money-lines/routes.js';
import analyticCodesRoutes from './modules/accounting/analytic-codes/routes.js';
import referenceRoutes from './modules/directory/reference/routes.js';
import savedReportsRoutes from './modules/reports/saved/routes.js';
import acting from './plugins/app/acting.js';
import clientIds from './plugins/app/client-ids.js';
import guard from './plugins/app/auth.js';
import configPlugin from './plugins/app/config.js';
import dbPlugin from './plugins/app/db.js';
import errorHandler, { clientErrorHandler, frameworkErrors } from './plugins/app/errors.js';
import validation from './plugins/app/validation.js';
import versions from './plugins/app/versions.js';
import compress from './plugins/external/compress.js';
import cookie from './plugins/external/cookie.js';
import helmet from './plugins/external/helmet.js';
import jwt from './plugins/external/jwt.js';
import rateLimit from './plugins/external/rate-limit.js';
import spa from './plugins/external/static.js';
import swagger from './plugins/external/swagger.js';
import './types.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** The app closes the database it was given when it closes (default true). */
  closeDatabase?: boolean;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app: plugins, then routes. Listening and shutdown live in server.ts. */
export async function buildApp({ config, database, closeDatabase = true, logger }: BuildOptions) {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(typeof logger === 'object' ? logger : {}),
            serializers: logSerializers,
          },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A hop count trusts that many proxies nearest the server (Fastify's own rule for numbers).
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(configPlugin, { config });
  await app.register(dbPlugin, { database, closeOnShutdown: closeDatabase });
  await app.register(errorHandler);
  await app.register(validation);
  await app.register(helmet);
  await app.register(compress);
  await app.register(rateLimit);
  await app.register(cookie);
  await app.register(jwt);
  await app.register(swagger);
  await app.register(guard);
  // Before acting: acting's transaction wraps the create handlers client-ids wraps.
  await app.register(clientIds);
  await app.register(acting);
  await app.register(versions);

  // API answers are personal and change: no cache may keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(accountRoutes, { prefix: '/api/me' });
  await app.register(homeRoutes, { prefix: '/api/home' });
  await app.register(usersRoutes, { prefix: '/api/users' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(accessLogRoutes, { prefix: '/api/access-log' });
  await app.register(referenceRoutes, { prefix: '/api/reference' });
  await app.register(organisationsRoutes, { prefix: '/api/organisations' });
  await app.register(peopleRoutes, { prefix: '/api/people' });
  await app.register(membersRoutes, { prefix: '/api/members' });
  await app.register(governanceRoutes, { prefix: '/api/governance' });
  await app.register(duesRoutes, { prefix: '/api/dues' });
  await app.register(importsRoutes, { prefix: '/api/imports' });
  await app.register(intervisionRoutes, { prefix: '/api/intervision' });
  await app.register(representationRoutes, { prefix: '/api/representation-meetings' });
  await app.register(supportRequestsRoutes, { prefix: '/api/support' });
  await app.register(supervisionsRoutes, { prefix: '/api/support/supervisions' });
  await app.register(supportCalendarRoutes, { prefix: '/api/support' });
  await app.register(supportTrainingsRoutes, { prefix: '/api/support/trainings' });
  await app.register(figuresRoutes, { prefix: '/api/figures' });
  await app.register(savedReportsRoutes, { prefix: '/api/reports' });
  await app.register(retentionRoutes, { prefix: '/api/retention-runs' });
  await app.register(moneyLinesRoutes, { prefix: '/api/money-lines' });
  await app.register(analyticCodesRoutes, { prefix: '/api/analytic-codes' });
  await app.register(retentionSchedule);
  await app.register(spa);

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
