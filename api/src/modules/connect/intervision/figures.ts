import type { CycleFigures, Figure, FigureRecord, PeriodFigures } from '@smes/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { organisationSectors, referenceItems } from '../../../db/schema/index.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { organisationRefs, personRefs } from '../../association/membership/repository.js';
import { toCycle } from './mapper.js';
import * as repo from './repository.js';

const cents = (fee: string) => Math.round(Number(fee) * 100);
const euros = (c: number) => (c / 100).toFixed(2);
const figure = (records: FigureRecord[]): Figure => ({ value: records.length, records });
const dmy = (iso: string) => iso.split('-').reverse().join('/');

async function sectorsOf(db: Executor, organisationIds: string[]) {
  if (!organisationIds.length) return [];
  return db
    .select({
      organisationId: organisationSectors.organisationId,
      sectorId: referenceItems.id,
      fr: referenceItems.labelFr,
      nl: referenceItems.labelNl,
    })
    .from(organisationSectors)
    .innerJoin(referenceItems, eq(referenceItems.id, organisationSectors.sectorId))
    .where(
      and(inArray(organisationSectors.organisationId, organisationIds), eq(referenceItems.kind, 'sector')),
    );
}

type Body = Omit<CycleFigures, 'cycle'>;

const isParticipant = (present: Set<string>) => (r: repo.RegistrationRow) =>
  r.status === 'registered' || (r.status === 'withdrawn' && present.has(r.id));

/**
 * Counts the figures of some groups, sessions and registrations (the rules are written once, on
 * `CycleFigures` and `PeriodFigures` in shared/src/intervision.ts), each with its records.
 */
async function count(
  db: Executor,
  {
    groups,
    sessions,
    participants,
    invoiced,
    received,
  }: {
    groups: repo.GroupRow[];
    sessions: repo.SessionRow[];
    participants: repo.RegistrationRow[];
    invoiced: repo.RegistrationRow[];
    received: repo.RegistrationRow[];
  },
): Promise<Body> {
  const institutionIds = [...new Set(participants.map((r) => r.organisationId))];
  const everyone = [...participants, ...invoiced, ...received];
  const [orgs, persons, sectors, groupNames] = await Promise.all([
    organisationRefs(db, [...new Set(everyone.map((r) => r.organisationId))]),
    personRefs(db, [...new Set(everyone.flatMap((r) => (r.personId ? [r.personId] : [])))]),
    sectorsOf(db, institutionIds),
    repo.groupNames(db, [...new Set([...everyone.map((r) => r.groupId), ...sessions.map((s) => s.groupId)])]),
  ]);

  const groupName = new Map(groupNames.map((g) => [g.id, g.name]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const personById = new Map(persons.map((p) => [p.id, p]));
  const orgName = (orgId: string, lang: 'fr' | 'nl') => {
    const o = orgById.get(orgId);
    return (lang === 'fr' ? (o?.nameFr ?? o?.nameNl) : (o?.nameNl ?? o?.nameFr)) ?? '';
  };
  const groupRecord = (g: repo.GroupRow): FigureRecord => ({
    kind: 'intervision_group',
    id: g.id,
    fr: g.name,
    nl: g.name,
    groupId: g.id,
  });
  const sessionRecord = (s: repo.SessionRow): FigureRecord => {
    const label = `${dmy(s.startsOn)} – ${groupName.get(s.groupId)}`;
    return { kind: 'intervision_session', id: s.id, fr: label, nl: label, groupId: s.groupId };
  };
  // One record per registration, however many figures it stands behind.
  const registrationRecords = new Map<string, FigureRecord>();
  const registrationRecord = (r: repo.RegistrationRow): FigureRecord => {
    const known = registrationRecords.get(r.id);
    if (known) return known;
    const p = r.personId ? personById.get(r.personId) : undefined;
    const who = (lang: 'fr' | 'nl') =>
      p ? `${p.firstName} ${p.lastName}` : lang === 'fr' ? 'Participant·e retiré·e' : 'Verwijderde deelnemer';
    const record: FigureRecord = {
      kind: 'intervision_registration',
      id: r.id,
      fr: `${who('fr')} – ${orgName(r.organisationId, 'fr')}`,
      nl: `${who('nl')} – ${orgName(r.organisationId, 'nl')}`,
      groupId: r.groupId,
    };
    registrationRecords.set(r.id, record);
    return record;
  };
  const sessionsWith = (status: repo.SessionRow['status']) =>
    figure(sessions.filter((s) => s.status === status).map(sessionRecord));
  const heldGroups = new Set(
    sessions.filter((s) => s.status === 'held' || s.status === 'held_video').map((s) => s.groupId),
  );

  const sectorById = new Map<string, { fr: string; nl: string; organisations: Set<string> }>();
  for (const s of sectors) {
    const known = sectorById.get(s.sectorId);
    if (known) known.organisations.add(s.organisationId);
    else sectorById.set(s.sectorId, { fr: s.fr, nl: s.nl, organisations: new Set([s.organisationId]) });
  }
  const bySector = [...sectorById]
    .map(([sectorId, sector]) => {
      const inSector = participants.filter((r) => sector.organisations.has(r.organisationId));
      return {
        sectorId,
        fr: sector.fr,
        nl: sector.nl,
        participants: inSector.length,
        share: Math.round((inSector.length / participants.length) * 10000) / 10000,
        records: inSector.map(registrationRecord),
      };
    })
    .sort((a, b) => b.participants - a.participants || a.fr.localeCompare(b.fr, 'fr'));

  const total = (rows: repo.RegistrationRow[]) => euros(rows.reduce((sum, r) => sum + cents(r.fee), 0));

  return {
    groups: figure(groups.map(groupRecord)),
    groupsHeld: figure(groups.filter((g) => heldGroups.has(g.id)).map(groupRecord)),
    participants: figure(participants.map(registrationRecord)),
    institutions: figure(
      institutionIds.map((orgId) => ({
        kind: 'organisation',
        id: orgId,
        fr: orgName(orgId, 'fr'),
        nl: orgName(orgId, 'nl'),
        groupId: null,
      })),
    ),
    sectors: figure(
      bySector.map((s) => ({ kind: 'sector', id: s.sectorId, fr: s.fr, nl: s.nl, groupId: null })),
    ),
    sessions: {
      held: sessionsWith('held'),
      heldVideo: sessionsWith('held_video'),
      cancelled: sessionsWith('cancelled'),
      planned: sessionsWith('planned'),
    },
    bySector,
    fees: {
      invoiced: { amount: total(invoiced), records: invoiced.map(registrationRecord) },
      received: { amount: total(received), records: received.map(registrationRecord) },
    },
  };
}

/** A cycle's figures for the activity report. */
export async function cycleFigures({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<CycleFigures> {
  assertCan(ctx.actor, 'intervision', 'read');
  const cycle = await repo.findCycle(ctx.db, id);
  if (!cycle) throw new NotFoundError('No such cycle');
  const groups = await repo.groupsOfCycle(ctx.db, id);
  const groupIds = groups.map((g) => g.id);
  const [sessions, registrations] = await Promise.all([
    repo.sessionsOfGroups(ctx.db, groupIds),
    repo.registrationsOfGroups(ctx.db, groupIds),
  ]);
  const attendance = await repo.attendanceOf(
    ctx.db,
    sessions.map((s) => s.id),
  );
  const participants = registrations.filter(isParticipant(new Set(attendance.map((a) => a.registrationId))));
  const received = registrations.filter((r) => r.paidOn !== null);
  const participating = new Set(participants);
  const invoiced = [...participants, ...received.filter((r) => !participating.has(r))];
  return {
    cycle: toCycle(cycle),
    ...(await count(ctx.db, { groups, sessions, participants, invoiced, received })),
  };
}

/** The same figures for a period, across cycles (a calendar year for a funder). */
export async function periodFigures({
  ctx,
  from,
  to,
}: {
  ctx: ServiceContext;
  from: string;
  to: string;
}): Promise<PeriodFigures> {
  assertCan(ctx.actor, 'intervision', 'read');
  if (to < from) throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
  const sessions = await repo.sessionsBetween(ctx.db, from, to);
  const groupIds = [...new Set(sessions.map((s) => s.groupId))];
  const heldIds = new Set(
    sessions.filter((s) => s.status === 'held' || s.status === 'held_video').map((s) => s.groupId),
  );
  const [groups, registrations, attendance, madeOrPaid] = await Promise.all([
    repo.groupsById(ctx.db, groupIds),
    repo.registrationsOfGroups(ctx.db, [...heldIds]),
    repo.attendanceOf(
      ctx.db,
      sessions.map((s) => s.id),
    ),
    repo.registrationsMadeOrPaidBetween(ctx.db, from, to),
  ]);
  const present = new Set(attendance.map((a) => a.registrationId));
  // Someone who joined after the period did not take part in it: a report sent stays true.
  const participants = registrations.filter((r) => r.registeredOn <= to && isParticipant(present)(r));
  const received = madeOrPaid.filter((r) => r.paidOn !== null && r.paidOn >= from && r.paidOn <= to);
  // Whether a registration made in the period took part is judged over its whole cycle.
  const madeIn = madeOrPaid.filter((r) => r.registeredOn >= from && r.registeredOn <= to);
  const madeAttendance = await repo.attendanceOfRegistrations(
    ctx.db,
    madeIn.map((r) => r.id),
  );
  const tookPart = isParticipant(new Set(madeAttendance.map((a) => a.registrationId)));
  const invoiced = madeIn.filter((r) => tookPart(r) || r.paidOn !== null);
  return { from, to, ...(await count(ctx.db, { groups, sessions, participants, invoiced, received })) };
}
