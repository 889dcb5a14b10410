import type { Cycle, Registration, Session } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { organisationRefs, personRefs } from '../../association/membership/repository.js';
import { attendanceOf, type CycleRow, type RegistrationRow, type SessionRow } from './repository.js';
import { paymentOf } from '../../platform/payments/payment.js';
import { normaliseAmount } from '@smes/shared';

/** Amounts travel as decimal strings; the database's numeric keeps them exact (no float). */
const money = normaliseAmount;

export const toCycle = (r: CycleRow): Cycle => ({
  id: r.id,
  version: r.version,
  name: r.name,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  memberFee: money(r.memberFee),
  nonMemberFee: money(r.nonMemberFee),
});

export async function toSessions(db: Executor, rows: SessionRow[]): Promise<Session[]> {
  const [hosts, present] = await Promise.all([
    organisationRefs(
      db,
      rows.flatMap((r) => (r.hostOrganisationId ? [r.hostOrganisationId] : [])),
    ),
    attendanceOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const host = new Map(hosts.map((h) => [h.id, h]));
  const presentAt = new Map<string, string[]>();
  for (const a of present)
    presentAt.set(a.sessionId, [...(presentAt.get(a.sessionId) ?? []), a.registrationId]);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    groupId: r.groupId,
    startsOn: r.startsOn,
    host: (r.hostOrganisationId && host.get(r.hostOrganisationId)) || null,
    status: r.status,
    cancelReason: r.cancelReason,
    attendance: presentAt.get(r.id) ?? [],
  }));
}

export async function toRegistrations(db: Executor, rows: RegistrationRow[]): Promise<Registration[]> {
  const [persons, orgs] = await Promise.all([
    personRefs(
      db,
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.organisationId),
    ),
  ]);
  const person = new Map(persons.map((p) => [p.id, p]));
  const organisation = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    groupId: r.groupId,
    person: (r.personId && person.get(r.personId)) || null,
    organisation: organisation.get(r.organisationId)!,
    registeredOn: r.registeredOn,
    status: r.status,
    withdrawnOn: r.withdrawnOn,
    fee: money(r.fee),
    memberRate: r.memberRate,
    payment: paymentOf(r),
  }));
}
