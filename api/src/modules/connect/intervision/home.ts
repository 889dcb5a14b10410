import type { HomeToDo } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { visibility } from '../../../access/scope.js';
import type { ServiceContext } from '../../../types.js';
import { organisationRefs } from '../../association/membership/repository.js';
import * as repo from './repository.js';

/** How many next sessions the home page lists. */
const NEXT_SESSIONS = 5;

/**
 * Intervision's part of a person's home page: the next planned sessions from `today` (with their
 * group and host) and, per cycle not over yet, how many fees are still to be paid — the same
 * rows as the unpaid page (`registrationsOfCycle`), under the caller's scope.
 */
export async function intervisionToDo(
  ctx: ServiceContext,
  today: string,
): Promise<Pick<HomeToDo, 'sessionsToCome' | 'unpaidFees'>> {
  assertCan(ctx.actor, 'intervision', 'read');
  visibility(ctx.actor, 'intervision_session');
  const visible = visibility(ctx.actor, 'intervision_registration');
  const [sessions, cycles] = await Promise.all([
    repo.plannedSessionsFrom(ctx.db, today, NEXT_SESSIONS),
    repo.listCycles(ctx.db),
  ]);
  const [groups, hosts] = await Promise.all([
    repo.groupNames(ctx.db, [...new Set(sessions.map((s) => s.groupId))]),
    organisationRefs(
      ctx.db,
      sessions.flatMap((s) => (s.hostOrganisationId ? [s.hostOrganisationId] : [])),
    ),
  ]);
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  const hostOf = new Map(hosts.map((h) => [h.id, h]));
  const unpaidFees = [];
  for (const cycle of cycles.filter((c) => c.endsOn >= today)) {
    const count = (await repo.registrationsOfCycle(ctx.db, cycle.id, true, visible)).length;
    if (count > 0) unpaidFees.push({ cycleId: cycle.id, cycleName: cycle.name, count });
  }
  return {
    sessionsToCome: sessions.map((s) => ({
      id: s.id,
      startsOn: s.startsOn,
      group: groupOf.get(s.groupId)!,
      host: (s.hostOrganisationId && hostOf.get(s.hostOrganisationId)) || null,
    })),
    unpaidFees,
  };
}
