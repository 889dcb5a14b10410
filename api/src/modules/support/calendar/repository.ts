import { and, asc, eq, gte, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  organisations,
  supportInterventions,
  supportPersons,
  supportRequests,
  supportSupervisionSessions,
  supportSupervisions,
} from '../../../db/schema/index.js';

/** A worker's interventions (as one of the pair) from a day on, with what the calendar may show. */
export async function interventionsOfWorker(db: Executor, userId: string, from: string) {
  return db
    .select({
      id: supportInterventions.id,
      heldOn: supportInterventions.heldOn,
      place: supportInterventions.place,
      requestId: supportRequests.id,
      personId: supportPersons.id,
      personCode: supportPersons.code,
      organisationFr: organisations.nameFr,
      organisationNl: organisations.nameNl,
    })
    .from(supportInterventions)
    .innerJoin(supportRequests, eq(supportRequests.id, supportInterventions.requestId))
    .innerJoin(supportPersons, eq(supportPersons.id, supportRequests.personId))
    .leftJoin(organisations, eq(organisations.id, supportRequests.requesterOrganisationId))
    .where(
      and(
        gte(supportInterventions.heldOn, from),
        or(eq(supportInterventions.firstWorkerId, userId), eq(supportInterventions.secondWorkerId, userId)),
      ),
    )
    .orderBy(asc(supportInterventions.heldOn), asc(supportInterventions.id));
}

/** A worker's supervision sessions (as one of the pair) from a day on, with the team supervised. */
export async function supervisionSessionsOfWorker(db: Executor, userId: string, from: string) {
  return db
    .select({
      id: supportSupervisionSessions.id,
      startsOn: supportSupervisionSessions.startsOn,
      status: supportSupervisionSessions.status,
      version: supportSupervisionSessions.version,
      team: supportSupervisions.team,
      organisationFr: organisations.nameFr,
      organisationNl: organisations.nameNl,
    })
    .from(supportSupervisionSessions)
    .innerJoin(supportSupervisions, eq(supportSupervisions.id, supportSupervisionSessions.supervisionId))
    .innerJoin(organisations, eq(organisations.id, supportSupervisions.organisationId))
    .where(
      and(
        gte(supportSupervisionSessions.startsOn, from),
        or(
          eq(supportSupervisionSessions.firstWorkerId, userId),
          eq(supportSupervisionSessions.secondWorkerId, userId),
        ),
      ),
    )
    .orderBy(asc(supportSupervisionSessions.startsOn), asc(supportSupervisionSessions.id));
}
