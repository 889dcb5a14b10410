import { getTableName } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RecordKind } from '@smes/shared';
import * as schema from './schema/index.js';

/**
 * Where each record kind's rows live: the tables whose rows the kind's scope governs (a record
 * and the rows that belong to it, such as a meeting's attendees). Row-level security is generated
 * from this map and the kind's scope (rls.ts). A kind scoped to its assignees names the column
 * holding the assigned user. Kinds declared ahead of their tables map to none.
 */
export interface KindTable {
  table: PgTable;
  /** For `assigned` kinds: the column holding the id of the user the row is assigned to. */
  assignee?: AnyPgColumn;
  /**
   * For kinds shown on another record's page (`:parentId` in the kind's link): the column
   * holding that record's id, so that a row named by id alone (the access log) can be linked.
   */
  parent?: AnyPgColumn;
  /**
   * For a table several kinds share (every policy's retention runs): the column naming the kind
   * each row is kept under. Each kind's condition then covers its own rows only.
   */
  kindColumn?: AnyPgColumn;
}

export const RECORD_TABLES: Record<RecordKind, readonly KindTable[]> = {
  // users and sign_in_session: sign-in tables, see RLS_EXEMPT.
  user: [],
  sign_in_session: [],
  // The access log: policies of its own, see ACCESS_LOG_TABLE.
  access_log_entry: [],
  import_run: [{ table: schema.importRuns }, { table: schema.importRowLinks }],
  import_mapping: [{ table: schema.importMappings }],
  organisation: [
    { table: schema.organisations },
    { table: schema.organisationSectors },
    { table: schema.organisationSectorChanges },
    { table: schema.organisationTypes },
  ],
  person: [{ table: schema.people }],
  affiliation: [{ table: schema.affiliations, parent: schema.affiliations.personId }],
  // Reference lists: see RLS_EXEMPT.
  sector: [],
  commune: [],
  organisation_type: [],
  language: [],
  membership: [{ table: schema.memberships }],
  governance_seat: [{ table: schema.governanceSeats }],
  due: [{ table: schema.dues }],
  intervision_cycle: [{ table: schema.intervisionCycles }],
  intervision_group: [{ table: schema.intervisionGroups }],
  intervision_session: [{ table: schema.intervisionSessions, parent: schema.intervisionSessions.groupId }],
  intervision_registration: [
    { table: schema.intervisionRegistrations, parent: schema.intervisionRegistrations.groupId },
  ],
  intervision_attendance: [{ table: schema.intervisionAttendance }],
  // Every retention policy's runs share one table, each kept under its policy's run kind.
  intervision_retention_run: [{ table: schema.retentionRuns, kindColumn: schema.retentionRuns.runKind }],
  support_retention_run: [{ table: schema.retentionRuns, kindColumn: schema.retentionRuns.runKind }],
  platform_retention_run: [{ table: schema.retentionRuns, kindColumn: schema.retentionRuns.runKind }],
  representation_meeting: [
    { table: schema.representationMeetings },
    { table: schema.representationMeetingAttendees },
  ],
  saved_report: [{ table: schema.savedReports }],
  analytic_code: [{ table: schema.analyticCodes }],
  support_request: [
    { table: schema.supportRequests },
    { table: schema.supportInterventions },
    { table: schema.supportReferrals },
  ],
  support_person: [{ table: schema.supportPersons }],
  support_supervision: [{ table: schema.supportSupervisions }],
  support_supervision_session: [
    { table: schema.supportSupervisionSessions, parent: schema.supportSupervisionSessions.supervisionId },
  ],
  support_training_module: [{ table: schema.supportTrainingModules }],
  support_training_edition: [
    { table: schema.supportTrainingEditions },
    { table: schema.supportTrainingSessions },
  ],
  support_training_participant: [
    {
      table: schema.supportTrainingParticipants,
      parent: schema.supportTrainingParticipants.editionId,
    },
    { table: schema.supportTrainingAttendance },
  ],
  // The Housing First module maps its tables when it creates them.
  tenant: [],
  contact: [],
};

/**
 * Tables without row-level security, each with the reason. Anything else in the schema must be
 * a kind's table (the test `rls.test.ts` fails otherwise).
 */
export const RLS_EXEMPT: Record<string, string> = {
  [getTableName(schema.users)]:
    'sign-in: the guard reads the user and session before anyone is acting; the matrix keeps the screens to administrators',
  [getTableName(schema.sessions)]: 'sign-in: read and written before anyone is acting (sign-in, refresh)',
  [getTableName(schema.refreshTokens)]:
    'sign-in: read and written before anyone is acting (refresh, sign-out)',
  [getTableName(schema.loginThrottle)]: 'sign-in: failed attempts are counted before anyone is signed in',
  [getTableName(schema.mfaChallenges)]: "sign-in's second step: read and written before anyone is acting",
  [getTableName(schema.recoveryCodes)]:
    "sign-in's second step: a recovery code is checked before anyone is acting",
  [getTableName(schema.referenceItems)]:
    "reference lists (sectors, communes, types, languages): no one's data, read by everyone",
};

/**
 * The audit log has policies of its own (rls.ts): everyone acting may append, only
 * administrators (and the system) read; the app's role may not update, delete or truncate it.
 */
export const AUDIT_TABLE = getTableName(schema.auditLog);

/**
 * The access log (decision 15) has policies of its own too: whoever acts appends their own
 * reads, administrators (and the system) read; the app's role may not update, delete or truncate
 * it (old rows leave through `smes_access_log_expire`, which runs as the owner).
 */
export const ACCESS_LOG_TABLE = getTableName(schema.accessLog);

/**
 * The ids clients chose for their creates, with the first answer (decision 18): each user reads
 * and writes only their own rows (rls.ts); the system all.
 */
export const CLIENT_IDS_TABLE = getTableName(schema.clientIds);
