import { and, between, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { FigureRecordItem, SupportInterventionPlace } from '@smes/shared';
import { SUPPORT_INTERVENTION_PLACES } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import {
  referenceItems,
  supportInterventions,
  supportPersons,
  supportRequests,
} from '../../../db/schema/index.js';
import {
  defineFigure,
  qb,
  recordColumns,
  sharedSet,
  type FigureScope,
  type RecordReader,
} from '../../reports/figures/define.js';

/*
 * Support's request figures (issue 15, decision 25), for any period (both days included):
 * - new requests: received in the period, the received day counted in Brussels;
 * - by requester sector: the sectors copied onto the request when it was taken (the sector of
 *   that day); a requester in two sectors counts in each; a non-professional (a relative, a
 *   friend…) has no sector and is counted apart (the breakdown's `apart` row and a figure of
 *   its own), never as a sector; shares are of all new requests;
 * - sectors: the distinct sectors of the period's professional requesters;
 * - about women: new requests whose person concerned is recorded as a woman;
 * - answered within the week: new requests whose first answer came on or before the due day;
 * - days to a first answer: the median, over the new requests answered, of the days from the
 *   received day (Brussels) to the first answer;
 * - interventions: held in the period, and by place (each a share of them);
 * - open at the period's end: received by its last day and not closed on that day.
 * Values are counted by the counting role (decision 12); the records are read as the caller,
 * which only the Support pole (or a break of the glass) may do, each page logged (decision 21).
 */

const R = supportRequests;
const P = supportPersons;
const I = supportInterventions;

const BRUSSELS = 'Europe/Brussels';
/** The instant a day starts in Brussels (`day` an ISO date). */
const startOf = (day: string, plusDays = 0) =>
  sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${BRUSSELS})`;
/** The request's received day in Brussels. */
const receivedDay = sql<string>`(${R.receivedAt} at time zone ${BRUSSELS})::date`;
/** Received in the period: a range on the instant, so the index on `received_at` serves it. */
const receivedIn = (scope: FigureScope) =>
  and(sql`${R.receivedAt} >= ${startOf(scope.from)}`, sql`${R.receivedAt} < ${startOf(scope.to, 1)}`);

/**
 * The period's new requests, with what the request figures read: every one of them starts from
 * this set, which the engine builds once when they are counted together. `sectorIds` is null for
 * a non-professional requester (counted apart by the sector dimension).
 */
const received = sharedSet('support_requests_received', (scope: FigureScope) =>
  qb
    .select({
      ...recordColumns({
        id: R.id,
        sectorIds: sql`case when ${R.requesterKind} = 'professional' then ${R.requesterSectorIds} end`,
        date: receivedDay,
      }),
      gender: sql<string>`${P.gender}`.as('gender'),
      answerDays: sql<number | null>`(${R.firstAnswerOn} - ${receivedDay})`.as('answerDays'),
      inTime: sql<boolean>`coalesce(${R.firstAnswerOn} <= ${R.dueOn}, false)`.as('inTime'),
    })
    .from(R)
    .innerJoin(P, eq(P.id, R.personId))
    .where(receivedIn(scope)),
);

/** The new requests, all or those `where` keeps, with the columns the dimensions read. */
const requests = (scope: FigureScope, where?: (set: ReturnType<typeof received.table>) => SQL) => {
  const r = received.table(scope);
  return qb
    .select(recordColumns({ id: r.id, sectorIds: r.sectorIds, date: r.date }))
    .from(r)
    .where(where?.(r));
};

const interventions = (scope: FigureScope, place?: SupportInterventionPlace) =>
  qb
    .select(recordColumns({ id: I.id, date: I.heldOn }))
    .from(I)
    .where(and(between(I.heldOn, scope.from, scope.to), place ? eq(I.place, place) : undefined));

const label = (fr: string, nl: string) => ({ fr, nl });
const common = { pole: 'support', kind: 'support_request' } as const;
const NEW = 'support.requests.new';
const INTERVENTIONS = 'support.interventions.held';

const PLACES: Record<SupportInterventionPlace, { fr: string; nl: string }> = {
  requester_service: label('Interventions au service demandeur', 'Interventies bij de aanvragende dienst'),
  place_of_life: label('Interventions sur le lieu de vie', 'Interventies op de leefplek'),
  street: label('Interventions en rue', 'Interventies op straat'),
  phone_or_video: label('Interventions par téléphone ou en visio', 'Interventies via telefoon of video'),
};

export const figures = [
  defineFigure({
    ...common,
    id: NEW,
    unit: 'count',
    version: 1,
    label: label('Nouvelles demandes', 'Nieuwe aanvragen'),
    dimensions: ['sector', 'year'],
    sectorsOnRecord: true,
    uses: [received],
    records: (scope) => requests(scope),
  }),
  defineFigure({
    ...common,
    id: 'support.requests.non-professional',
    unit: 'share',
    of: NEW,
    version: 1,
    label: label('Demandes de non-professionnel·les', 'Aanvragen van niet-professionals'),
    dimensions: ['year'],
    uses: [received],
    records: (scope) => requests(scope, (r) => isNull(r.sectorIds)),
  }),
  defineFigure({
    id: 'support.requests.sectors',
    pole: 'support',
    unit: 'count',
    kind: 'sector',
    version: 1,
    label: label('Secteurs des demandeurs', 'Sectoren van de aanvragers'),
    uses: [received],
    records: (scope) => {
      const r = received.table(scope);
      const ids = qb
        .selectDistinct({ sectorId: sql`unnest(${r.sectorIds})`.as('sectorId') })
        .from(r)
        .where(isNotNull(r.sectorIds))
        .as('s');
      return qb
        .select(recordColumns({ id: referenceItems.id }))
        .from(ids)
        .innerJoin(
          referenceItems,
          and(eq(referenceItems.id, ids.sectorId), eq(referenceItems.kind, 'sector')),
        );
    },
  }),
  defineFigure({
    ...common,
    id: 'support.requests.about-women',
    unit: 'share',
    of: NEW,
    version: 1,
    label: label('Demandes concernant une femme', 'Aanvragen over een vrouw'),
    dimensions: ['sector', 'year'],
    sectorsOnRecord: true,
    uses: [received],
    records: (scope) => requests(scope, (r) => eq(r.gender, 'female')),
  }),
  defineFigure({
    ...common,
    id: 'support.requests.answered-within-week',
    unit: 'share',
    of: NEW,
    version: 1,
    label: label('Demandes répondues dans la semaine', 'Aanvragen binnen de week beantwoord'),
    dimensions: ['sector', 'year'],
    sectorsOnRecord: true,
    uses: [received],
    records: (scope) => requests(scope, (r) => sql`${r.inTime}`),
  }),
  defineFigure({
    ...common,
    id: 'support.requests.days-to-first-answer',
    unit: 'median',
    version: 1,
    label: label('Jours jusqu’à la première réponse (médiane)', 'Dagen tot het eerste antwoord (mediaan)'),
    dimensions: ['sector', 'year'],
    sectorsOnRecord: true,
    uses: [received],
    records: (scope) => {
      const r = received.table(scope);
      return qb
        .select(recordColumns({ id: r.id, value: r.answerDays, sectorIds: r.sectorIds, date: r.date }))
        .from(r)
        .where(isNotNull(r.answerDays));
    },
  }),
  defineFigure({
    ...common,
    id: 'support.requests.open-at-end',
    unit: 'count',
    version: 1,
    label: label('Demandes ouvertes en fin de période', 'Openstaande aanvragen op het einde van de periode'),
    // No year breakdown: its rows would be 'received in year Y, open at the period's end', not
    // 'open at the end of Y'.
    dimensions: ['sector'],
    sectorsOnRecord: true,
    // Received by the last day and not closed on it (closed after it, or still open today).
    records: (scope) =>
      qb
        .select(
          recordColumns({
            id: R.id,
            sectorIds: sql`case when ${R.requesterKind} = 'professional' then ${R.requesterSectorIds} end`,
            date: receivedDay,
          }),
        )
        .from(R)
        .where(
          and(
            lt(R.receivedAt, startOf(scope.to, 1)),
            or(isNull(R.closedOn), sql`${R.closedOn} > ${scope.to}`),
          ),
        ),
  }),
  defineFigure({
    ...common,
    id: INTERVENTIONS,
    unit: 'count',
    version: 1,
    label: label('Interventions', 'Interventies'),
    dimensions: ['year'],
    records: (scope) => interventions(scope),
  }),
  ...SUPPORT_INTERVENTION_PLACES.map((place) =>
    defineFigure({
      ...common,
      id: `support.interventions.${place.replaceAll('_', '-')}`,
      unit: 'share',
      of: INTERVENTIONS,
      version: 1,
      label: PLACES[place],
      dimensions: ['year'],
      records: (scope) => interventions(scope, place),
    }),
  ),
];

interface Row extends Record<string, unknown> {
  id: string;
  code: string;
  day: string;
  parent_id: string | null;
  status: string;
  organisation_id: string | null;
  name_fr: string | null;
  name_nl: string | null;
  total: number | null;
}

/**
 * A page of Support records: requests, and interventions (parts of their request, shown as
 * their request: its id and code, `parentId` the request too), in date order. Codes only: never the impasse, the notes or
 * a requester's name. Read as the caller: row security keeps it to the Support pole.
 */
async function supportPage(
  db: Executor,
  { ids, limit, offset }: { ids: SQL; limit: number; offset: number },
): Promise<{ items: FigureRecordItem[]; total: number | null }> {
  const result = (await db.execute(sql`
    with picked as (${ids}),
    found as (
      select r.id, r.code, (r.received_at at time zone ${BRUSSELS})::date::text as day, null::uuid as parent_id,
        r.status, r.requester_organisation_id as organisation_id
      from support_requests r where r.id in (select id from picked)
      union all
      select i.id, r.code, i.held_on::text, r.id, i.place, r.requester_organisation_id
      from support_interventions i join support_requests r on r.id = i.request_id
      where i.id in (select id from picked)
    )
    select f.*, o.name_fr, o.name_nl, count(*) over ()::int as total
    from found f left join organisations o on o.id = f.organisation_id
    order by f.day, f.code, f.id
    limit ${limit} offset ${offset}`)) as unknown as { rows: Row[] };
  return {
    total: result.rows[0]?.total ?? null,
    items: result.rows.map((r): FigureRecordItem => ({
      kind: 'support_request',
      // An intervention is shown, linked and logged as its request: who read request X then
      // includes who opened it through an intervention figure.
      id: r.parent_id ?? r.id,
      name: r.code,
      date: r.day,
      ...(r.parent_id ? { parentId: r.parent_id } : {}),
      status: r.status,
      ...(r.organisation_id
        ? {
            organisation: {
              id: r.organisation_id,
              name: {
                ...(r.name_fr !== null ? { fr: r.name_fr } : {}),
                ...(r.name_nl !== null ? { nl: r.name_nl } : {}),
              },
            },
          }
        : {}),
    })),
  };
}

export const readers: RecordReader[] = [
  {
    kind: 'support_request',
    read: async (db, args) => (await supportPage(db, args)).items,
    readPage: (db, args) => supportPage(db, args),
  },
];
