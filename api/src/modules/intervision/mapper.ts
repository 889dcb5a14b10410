import type { Cycle, Registration, Session } from '@smes/shared';
import type { Executor } from '../../db/client.js';
import { organisationRefs, personRefs } from '../membership/repository.js';
import type { CycleRow, RegistrationRow, SessionRow } from './repository.js';

const money = (v: string) => Number(v).toFixed(2);

export const toCycle = (r: CycleRow): Cycle => ({
  id: r.id,
  name: r.name,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  memberFee: money(r.memberFee),
  nonMemberFee: money(r.nonMemberFee),
});

export async function toSessions(db: Executor, rows: SessionRow[]): Promise<Session[]> {
  const hosts = await organisationRefs(
    db,
    rows.flatMap((r) => (r.hostOrganisationId ? [r.hostOrganisationId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    startsOn: r.startsOn,
    host: hosts.find((h) => h.id === r.hostOrganisationId) ?? null,
    status: r.status,
    cancelReason: r.cancelReason,
  }));
}

export async function toRegistrations(db: Executor, rows: RegistrationRow[]): Promise<Registration[]> {
  const [persons, orgs] = await Promise.all([
    personRefs(
      db,
      rows.map((r) => r.personId),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.organisationId),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    person: persons.find((p) => p.id === r.personId)!,
    organisation: orgs.find((o) => o.id === r.organisationId)!,
    registeredOn: r.registeredOn,
    status: r.status,
    withdrawnOn: r.withdrawnOn,
    fee: money(r.fee),
    memberRate: r.memberRate,
    paidOn: r.paidOn,
    paymentReference: r.paymentReference,
  }));
}
