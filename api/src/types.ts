import type { Action, Locale, Pole, RecordKind, Resource, Role } from '@smes/shared';
import type { Config } from './config.js';
import type { AdmittedReads, SensitiveReads } from './access/reads.js';
import type { Database, Db } from './db/client.js';

/** The signed-in user as every request sees them: read from the database on each request. */
export interface AuthenticatedActor {
  id: string;
  email: string;
  role: Role;
  poles: Pole[];
  locale: Locale | null;
  sessionId: string;
  /**
   * The second factor: whether MFA_REQUIRED_FOR covers this user and whether they enrolled.
   * Required and not enrolled: the guard opens only the routes that enrol (`enrolment: true`).
   */
  mfa?: { required: boolean; enrolled: boolean };
}

/** What a service needs to act for someone. */
export interface ServiceContext {
  db: Db;
  actor: AuthenticatedActor;
  ip: string;
}

/**
 * Every /api route declares who may call it: `public`, any signed-in user (`authenticated`),
 * or a (resource, action) pair of the access matrix. A route that declares nothing fails the start.
 */
export type RouteAccess = { public: true } | { authenticated: true } | { resource: Resource; action: Action };

export interface DeclaredAccess {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** Every /api route with the access it declared: the guard's list, walked by the tests. */
    accessRules: DeclaredAccess[];
    database: Database;
    /**
     * The figure engine's connection: the counting role (SELECT on the kinds' tables, every
     * row, nothing else; see src/db/client.ts). Only its `execute` counts on the embedded engine.
     */
    countingDb: Db;
  }
  interface FastifyRequest {
    actor: AuthenticatedActor | null;
    /** The purpose and break-the-glass the guard admitted for this request's reads. */
    admittedReads: AdmittedReads | null;
    /** What a file answered (an `.ics`) names, by kind, for the access log (`nameInFile`). */
    namedInFile: Partial<Record<RecordKind, string[]>> | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Open to a signed-in user who must still enrol a second factor (enrolment, own account). */
    enrolment?: boolean;
    /**
     * The records a read route's answer names (decision 21): a sensitive kind needs a purpose
     * and each answer writes an access-log row (src/access/reads.ts).
     */
    reads?: SensitiveReads;
  }
}
