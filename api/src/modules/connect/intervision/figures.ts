import {
  and,
  asc,
  between,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { FigureRecordItem } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import {
  intervisionAttendance,
  intervisionGroups,
  intervisionRegistrations,
  intervisionSessions,
  organisations,
  organisationSectors,
  people,
  referenceItems,
} from '../../../db/schema/index.js';
import {
  defineFigure,
  qb,
  recordColumns,
  sharedSet,
  type FigureScope,
  type RecordReader,
  type RecordReaderArgs,
  nameOrder,
} from '../../reports/figures/define.js';

/*
 * Intervision's figures, one definition for a cycle and for any period (decision 9). A cycle's
 * figures are the figures over the cycle's dates with the `cycleId` filter:
 * - sessions: dated in the period, by status (held, by video, cancelled, still planned);
 * - groups: with a session in the period; groups held: with one held in person or by video;
 * - participants: registrations of groups with a session in the period that is not cancelled,
 *   made by the period's last day (a report sent stays true), registered, or withdrawn and
 *   present at a session of the period. A registration is counted, not a person, so the count
 *   survives the retention job;
 * - institutions: the participants' distinct organisations; sectors: theirs, as the directory
 *   records them today; by sector: the sector dimension (an institution in two counts in each);
 * - fees invoiced: registrations made in the period that took part (over their whole cycle) or
 *   paid; fees received: fees paid in the period.
 */

const R = intervisionRegistrations;
const G = intervisionGroups;
const S = intervisionSessions;
const A = intervisionAttendance;

const inCycle = (scope: FigureScope) =>
  scope.filters.cycleId ? eq(G.cycleId, scope.filters.cycleId) : undefined;
const inPeriod = (scope: FigureScope) => between(S.startsOn, scope.from, scope.to);

/*
 * Uncorrelated `in (…)` subqueries: the database builds each set once (a hashed subplan) instead
 * of probing it for every registration (3.6 s for a year at 10× volume with `exists`).
 */
const sessionsOfGroupIn = (scope: FigureScope, status?: SQL) =>
  inArray(
    G.id,
    qb
      .select({ id: S.groupId })
      .from(S)
      .where(and(inPeriod(scope), status)),
  );

/*
 * Whether a withdrawn registration was present (at a session of the period, or ever). Written in
 * a branch of its own (`union all`) for the withdrawn rows: the database joins it as a semi-join
 * and costs it for those rows only. Under an `or` beside the registered rows, it was either
 * a hashed set of every attendance of the period (20,604 rows at 10× volume; of all time for
 * the fees, 182,971), or, probed row by row, costed for every row, which led the records page
 * to a plan of 50 s.
 */
const presentAt = (scope?: FigureScope) =>
  exists(
    qb
      .select({ one: sql`1` })
      .from(A)
      .innerJoin(S, eq(S.id, A.sessionId))
      .where(and(eq(A.registrationId, R.id), scope ? inPeriod(scope) : undefined)),
  );

/*
 * The same for a period, probed registration by registration: `offset 0` keeps the database from
 * turning it into a join, so it looks up each withdrawn registration's few attendances (677 at
 * 10× volume, by `intervision_attendance_registration_idx`) instead of hashing every attendance
 * of the period (20,604) first: the participants' set in a third of the time (bench README).
 */
const presentInPeriod = (scope: FigureScope) =>
  exists(
    sql`(${qb
      .select({ one: sql`1` })
      .from(A)
      .innerJoin(S, eq(S.id, A.sessionId))
      .where(and(eq(A.registrationId, R.id), inPeriod(scope)))} offset 0)`,
  );

/**
 * The participants of a period, with their organisation, the group's language and whether they
 * pay the member rate: every participant figure (the count, the member rate, the institutions,
 * the sectors) reads this one set, which the engine computes once when they are counted together.
 * Registered, or withdrawn and present at a session of the period: two branches, one each.
 */
const participantsSet = sharedSet('intervision_participants', (scope: FigureScope) => {
  const branch = (which: SQL | undefined) =>
    qb
      .select({
        ...recordColumns({ id: R.id, organisationId: R.organisationId, language: G.language }),
        memberRate: sql<boolean>`${R.memberRate}`.as('memberRate'),
      })
      .from(R)
      .innerJoin(G, eq(G.id, R.groupId))
      .where(
        and(
          inCycle(scope),
          sql`${R.registeredOn} <= ${scope.to}`,
          sessionsOfGroupIn(scope, ne(S.status, 'cancelled')),
          which,
        ),
      );
  return branch(eq(R.status, 'registered')).unionAll(
    branch(and(eq(R.status, 'withdrawn'), presentInPeriod(scope))),
  );
});

const participants = (scope: FigureScope, memberRate?: true) => {
  const p = participantsSet.table(scope);
  return qb
    .select(recordColumns({ id: p.id, organisationId: p.organisationId, language: p.language }))
    .from(p)
    .where(memberRate ? sql`${p.memberRate}` : undefined);
};

const institutionIds = (scope: FigureScope) => {
  const p = participantsSet.table(scope);
  return qb.selectDistinct({ organisationId: p.organisationId }).from(p);
};

const groups = (scope: FigureScope, status?: SQL) =>
  qb
    .select(recordColumns({ id: G.id, language: G.language }))
    .from(G)
    .where(and(inCycle(scope), sessionsOfGroupIn(scope, status)));

const sessions = (status: 'held' | 'held_video' | 'cancelled' | 'planned') => (scope: FigureScope) =>
  qb
    .select(recordColumns({ id: S.id, language: G.language }))
    .from(S)
    .innerJoin(G, eq(G.id, S.groupId))
    .where(and(inCycle(scope), inPeriod(scope), eq(S.status, status)));

/** Registrations of the cycle; `value` is the fee owed, or with `received` the amount paid. */
const fees = (scope: FigureScope, where: SQL | undefined, received = false) =>
  qb
    .select(
      recordColumns({
        id: R.id,
        value: received ? R.paidAmount : R.fee,
        organisationId: R.organisationId,
        language: G.language,
      }),
    )
    .from(R)
    .innerJoin(G, eq(G.id, R.groupId))
    .where(and(inCycle(scope), where));

const inRegistration = (scope: FigureScope) => between(R.registeredOn, scope.from, scope.to);

const label = (fr: string, nl: string) => ({ fr, nl });
const common = { pole: 'connect', filters: ['cycleId'] } as const;
const sessionFigure = (
  id: string,
  status: 'held' | 'held_video' | 'cancelled' | 'planned',
  fr: string,
  nl: string,
) =>
  defineFigure({
    ...common,
    id: `connect.intervision.${id}`,
    unit: 'count',
    kind: 'intervision_session',
    version: 1,
    label: label(fr, nl),
    dimensions: ['language'],
    records: sessions(status),
  });

export const figures = [
  defineFigure({
    ...common,
    id: 'connect.intervision.groups',
    unit: 'count',
    kind: 'intervision_group',
    version: 2,
    label: label("Groupes d'intervision", 'Intervisiegroepen'),
    dimensions: ['language'],
    records: (scope) => groups(scope),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.groups-held',
    unit: 'count',
    kind: 'intervision_group',
    version: 2,
    label: label('Groupes réunis', 'Groepen die samenkwamen'),
    dimensions: ['language'],
    records: (scope) => groups(scope, inArray(S.status, ['held', 'held_video'])),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.participants',
    unit: 'count',
    kind: 'intervision_registration',
    // 5: withdrawn registrations present at a session probed one by one (same records).
    version: 5,
    label: label('Participant·es', 'Deelnemers'),
    dimensions: ['sector', 'commune', 'language'],
    uses: [participantsSet],
    records: (scope) => participants(scope),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.participants-member-rate',
    unit: 'share',
    of: 'connect.intervision.participants',
    kind: 'intervision_registration',
    // 5: withdrawn registrations present at a session probed one by one (same records).
    version: 5,
    label: label('Participant·es au tarif membre', 'Deelnemers aan ledentarief'),
    dimensions: ['sector', 'language'],
    uses: [participantsSet],
    records: (scope) => participants(scope, true),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.institutions',
    unit: 'count',
    kind: 'organisation',
    // 5: withdrawn registrations present at a session probed one by one (same records).
    version: 5,
    label: label('Institutions participantes', 'Deelnemende instellingen'),
    dimensions: ['sector', 'commune'],
    uses: [participantsSet],
    records: (scope) => {
      const ids = institutionIds(scope).as('i');
      return qb
        .select(recordColumns({ id: ids.organisationId, organisationId: ids.organisationId }))
        .from(ids);
    },
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.sectors',
    unit: 'count',
    kind: 'sector',
    // 5: withdrawn registrations present at a session probed one by one (same records).
    version: 5,
    label: label('Secteurs représentés', 'Vertegenwoordigde sectoren'),
    uses: [participantsSet],
    records: (scope) =>
      qb
        .selectDistinct(recordColumns({ id: organisationSectors.sectorId }))
        .from(organisationSectors)
        .innerJoin(
          referenceItems,
          and(eq(referenceItems.id, organisationSectors.sectorId), eq(referenceItems.kind, 'sector')),
        )
        .where(inArray(organisationSectors.organisationId, institutionIds(scope))),
  }),
  sessionFigure('sessions-held', 'held', 'Séances tenues', 'Gehouden sessies'),
  sessionFigure('sessions-held-video', 'held_video', 'Séances en visio', 'Sessies via video'),
  sessionFigure('sessions-cancelled', 'cancelled', 'Séances annulées', 'Geannuleerde sessies'),
  sessionFigure('sessions-planned', 'planned', 'Séances prévues', 'Geplande sessies'),
  defineFigure({
    ...common,
    id: 'connect.intervision.fees-invoiced',
    unit: 'money',
    kind: 'intervision_registration',
    version: 4,
    label: label('Participations facturées', 'Gefactureerde deelnames'),
    dimensions: ['sector', 'language'],
    // Paid or registered; or withdrawn, unpaid and present at a session: two branches.
    records: (scope) =>
      fees(scope, and(inRegistration(scope), or(isNotNull(R.paidOn), eq(R.status, 'registered')))).unionAll(
        fees(scope, and(inRegistration(scope), isNull(R.paidOn), eq(R.status, 'withdrawn'), presentAt())),
      ),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.fees-received',
    unit: 'money',
    kind: 'intervision_registration',
    // 2: what was paid (the payment's amount, decision 19), no longer the fee of what is paid.
    version: 2,
    label: label('Participations reçues', 'Ontvangen deelnames'),
    dimensions: ['sector', 'language'],
    records: (scope) => fees(scope, between(R.paidOn, scope.from, scope.to), true),
  }),
  defineFigure({
    ...common,
    id: 'connect.intervision.fees-outstanding',
    unit: 'difference',
    of: ['connect.intervision.fees-invoiced', 'connect.intervision.fees-received'],
    kind: 'intervision_registration',
    // 2: invoiced minus what was paid.
    version: 2,
    label: label('Facturé moins reçu', 'Gefactureerd min ontvangen'),
  }),
];

const name = (fr: string | null, nl: string | null) => ({
  ...(fr !== null ? { fr } : {}),
  ...(nl !== null ? { nl } : {}),
});

interface RegistrationRow {
  id: string;
  registeredOn: string;
  status: 'registered' | 'waiting' | 'withdrawn';
  fee: string;
  paidAmount: string | null;
  firstName: string | null;
  lastName: string | null;
  organisationId: string;
  nameFr: string | null;
  nameNl: string | null;
  groupId: string;
  group: string;
  total: number | null;
}

/**
 * A page of registrations, in the order of their organisation's name, then of the person's (last,
 * first; a person removed by retention last); with `counted`, each row also carries the number of
 * them all.
 *
 * The figure's records are built once (`recs`, materialised, with the organisation each one
 * carries) and counted apart. The order is decided on the organisations first: each one's count
 * of records, in name order, says which organisations the page falls in (`kept`, usually one to
 * a few); only their records are then looked up, sorted and cut. Sorting every record on its
 * organisation's and group's names looked each of them up (8,385 at 10× volume, twice; 100 ms of
 * the page's 105 ms on a quiet machine, bench README).
 */
async function registrationPage(
  db: Executor,
  { rows, limit, offset, locale }: RecordReaderArgs,
  counted: boolean,
): Promise<{ items: FigureRecordItem[]; total: number | null }> {
  const sortName = nameOrder(locale, sql`o.name_fr`, sql`o.name_nl`);
  const result = await db.execute(sql`
    with recs as materialized (${rows}),
    counts as (select "organisationId" as id, count(*) as n from recs group by 1),
    orgs as (
      select o.id, o.name_fr, o.name_nl, ${sortName} as sort_name, c.n
      from ${organisations} o
      join counts c on c.id = o.id
      order by ${sortName}, o.id
      limit ${offset + limit}
    ),
    placed as (select orgs.*, sum(n) over (order by sort_name, id) - n as before from orgs),
    kept as (select * from placed where before < ${offset + limit} and before + n > ${offset}),
    top as (
      select r.id, r.registered_on, r.status, r.fee, r.paid_amount,
             p.first_name, p.last_name, lower(p.last_name) as last_key, lower(p.first_name) as first_key,
             k.id as organisation_id, k.name_fr, k.name_nl, k.sort_name, g.id as group_id, g.name as group_name
      from kept k
      join recs i on i."organisationId" = k.id
      join ${R} r on r.id = i.id
      join ${G} g on g.id = r.group_id
      left join ${people} p on p.id = r.person_id
      order by k.sort_name, k.id, last_key nulls last, first_key, r.id
      offset greatest(${offset} - (select min(before) from kept), 0) limit ${limit}
    )
    select t.id, t.registered_on::text as "registeredOn", t.status, t.fee::text as fee,
           t.paid_amount::text as "paidAmount", t.first_name as "firstName", t.last_name as "lastName",
           t.organisation_id as "organisationId", t.name_fr as "nameFr", t.name_nl as "nameNl",
           t.group_id as "groupId", t.group_name as "group",
           ${counted ? sql`(select count(*) from recs)::int` : sql`null::int`} as total
    from top t
    order by t.sort_name, t.organisation_id, t.last_key nulls last, t.first_key, t.id`);
  const found = (result as unknown as { rows: RegistrationRow[] }).rows;
  return {
    total: found[0]?.total ?? null,
    items: found.map((r): FigureRecordItem => ({
      kind: 'intervision_registration',
      id: r.id,
      // Null once the retention job removed the participant.
      name: r.firstName !== null ? `${r.firstName} ${r.lastName}` : null,
      date: r.registeredOn,
      parentId: r.groupId,
      organisation: { id: r.organisationId, name: name(r.nameFr, r.nameNl) },
      group: { id: r.groupId, name: r.group },
      status: r.status,
      amount: Number(r.fee),
      ...(r.paidAmount !== null ? { paid: Number(r.paidAmount) } : {}),
    })),
  };
}

/**
 * A page of organisations (a figure's institutions); with `counted`, each row also carries the
 * number of them all: the figure's set is built once for both (`ids`, materialised), instead of
 * once for the page and once for its count.
 */
async function organisationPage(
  db: Executor,
  { ids, limit, offset, locale }: RecordReaderArgs,
  counted: boolean,
): Promise<{ items: FigureRecordItem[]; total: number | null }> {
  const result = await db.execute(sql`
    with ids as materialized (${ids})
    select o.id, o.name_fr as "nameFr", o.name_nl as "nameNl",
           ${counted ? sql`(select count(*) from ids)::int` : sql`null::int`} as total
    from ${organisations} o
    where o.id in (select id from ids)
    order by ${nameOrder(locale, sql`o.name_fr`, sql`o.name_nl`)}, o.id
    limit ${limit} offset ${offset}`);
  const found = (
    result as unknown as {
      rows: { id: string; nameFr: string | null; nameNl: string | null; total: number | null }[];
    }
  ).rows;
  return {
    total: found[0]?.total ?? null,
    items: found.map((o): FigureRecordItem => ({
      kind: 'organisation',
      id: o.id,
      name: name(o.nameFr, o.nameNl),
    })),
  };
}

export const readers: RecordReader[] = [
  {
    kind: 'intervision_group',
    read: async (db, { ids, limit, offset }) =>
      (
        await db
          .select({ id: G.id, name: G.name, cycleId: G.cycleId, language: G.language })
          .from(G)
          .where(sql`${G.id} in (${ids})`)
          .orderBy(asc(G.name), asc(G.id))
          .limit(limit)
          .offset(offset)
      ).map((g): FigureRecordItem => ({
        kind: 'intervision_group',
        id: g.id,
        name: g.name,
        status: g.language,
      })),
  },
  {
    kind: 'intervision_session',
    read: async (db, { ids, limit, offset }) =>
      (
        await db
          .select({ id: S.id, startsOn: S.startsOn, status: S.status, groupId: G.id, group: G.name })
          .from(S)
          .innerJoin(G, eq(G.id, S.groupId))
          .where(sql`${S.id} in (${ids})`)
          .orderBy(asc(S.startsOn), asc(G.name), asc(S.id))
          .limit(limit)
          .offset(offset)
      ).map((s): FigureRecordItem => ({
        kind: 'intervision_session',
        id: s.id,
        name: s.group,
        date: s.startsOn,
        parentId: s.groupId,
        group: { id: s.groupId, name: s.group },
        status: s.status,
      })),
  },
  {
    kind: 'intervision_registration',
    read: async (db, args) => (await registrationPage(db, args, false)).items,
    readPage: (db, args) => registrationPage(db, args, true),
  },
  {
    kind: 'organisation',
    read: async (db, args) => (await organisationPage(db, args, false)).items,
    readPage: (db, args) => organisationPage(db, args, true),
  },
  {
    kind: 'sector',
    read: async (db, { ids, limit, offset, locale }) =>
      (
        await db
          .select({ id: referenceItems.id, fr: referenceItems.labelFr, nl: referenceItems.labelNl })
          .from(referenceItems)
          .where(sql`${referenceItems.id} in (${ids})`)
          .orderBy(
            asc(referenceItems.sortOrder),
            nameOrder(locale, referenceItems.labelFr, referenceItems.labelNl),
            asc(referenceItems.id),
          )
          .limit(limit)
          .offset(offset)
      ).map((s): FigureRecordItem => ({ kind: 'sector', id: s.id, name: { fr: s.fr, nl: s.nl } })),
  },
];
